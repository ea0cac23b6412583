import { serverAudits } from 'graphql-http';
import { describe, expect, test } from './fixtures.js';

// The GraphQL-over-HTTP spec audits of the `graphql-http` package, run against the real server.
// Every MUST audit has to pass; SHOULD/MAY results are reported in the test output.
describe('GraphQL over HTTP (graphql-http server audits)', () => {
  test('every MUST audit passes', async ({ api }) => {
    const audits = serverAudits({ url: `${api.url}/graphql` });
    const failures: string[] = [];
    const report: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      const line = `${result.status.toUpperCase()} ${audit.id} ${audit.name}${
        result.status === 'ok' ? '' : ` — ${result.reason}`
      }`;
      report.push(line);
      if (audit.name.startsWith('MUST') && result.status !== 'ok') failures.push(line);
    }
    console.info(`graphql-http audit results:\n${report.join('\n')}`);
    expect(failures).toEqual([]);
  });
});
