import { describe, expect, test } from 'vitest';
import { PRODUCTION_ENV } from '../../test/security/production-env.js';
import { ConfigError, loadConfig } from '../config.js';

describe('HTTP configuration', () => {
  test('CORS origins: a comma list, trailing slashes dropped; default the dev SPAs', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://shop.example, https://admin.example/' }).corsOrigins).toEqual([
      'https://shop.example',
      'https://admin.example',
    ]);
    expect(loadConfig({ STOREFRONT_PORT: '5301', ADMIN_PORT: '5302' }).corsOrigins).toEqual([
      'http://localhost:5301',
      'http://localhost:5302',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://shop.example/path' })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: 'ftp://shop.example' })).toThrow(ConfigError);
  });

  test('GraphiQL and introspection: on in development, off in production unless configured', () => {
    const dev = loadConfig({ NODE_ENV: 'development' });
    expect([dev.graphiqlEnabled, dev.introspectionEnabled]).toEqual([true, true]);
    const prod = loadConfig(PRODUCTION_ENV);
    expect([prod.graphiqlEnabled, prod.introspectionEnabled]).toEqual([false, false]);
    const open = loadConfig({
      ...PRODUCTION_ENV,
      GRAPHIQL_ENABLED: 'true',
      INTROSPECTION_ENABLED: 'yes',
    });
    expect([open.graphiqlEnabled, open.introspectionEnabled]).toEqual([true, true]);
  });
});
