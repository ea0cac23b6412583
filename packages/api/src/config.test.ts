import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, currency: 'USD', seedDemoData: true, databaseUrl: undefined });
    expect(c.mediaDir.endsWith('.data/media')).toBe(true);
  });

  it('reports every invalid variable at once with a clear message', () => {
    expect(() => loadConfig({ API_PORT: 'abc', CURRENCY: 'XXX', DATABASE_URL: 'mysql://x' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ API_PORT: '70000', CURRENCY: 'XXX', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('API_PORT');
      expect(msg).toContain('CURRENCY');
      expect(msg).toContain('DATABASE_URL');
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', API_PORT: '' }).port).toBe(4000);
  });
});
