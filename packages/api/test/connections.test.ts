import { describe, expect, test } from './fixtures.js';
import { APPLICATION_NAMES, withApplicationName } from '../src/db/orm.js';

describe("the API's database connections", () => {
  test('name themselves in pg_stat_activity: the request pool apart from the job runner', async ({ api }) => {
    await api.gql('{ products(first: 1) { edges { node { id } } } }');
    // The job runner's connections open in the background: look for a few seconds.
    let names: string[] = [];
    for (let i = 0; i < 50; i++) {
      const rows = await api.sql<{ name: string }>(
        `select distinct application_name as name from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() order by 1`,
      );
      names = rows.map((r) => r.name);
      if (names.includes(APPLICATION_NAMES.requests) && names.includes(APPLICATION_NAMES.jobs)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(names).toContain(APPLICATION_NAMES.requests);
    expect(names).toContain(APPLICATION_NAMES.jobs);
  });

  test("an operator's own application_name in the URL is kept", () => {
    expect(withApplicationName('postgresql://u:p@db:5432/shop', 'marketplace-jobs')).toBe(
      'postgresql://u:p@db:5432/shop?application_name=marketplace-jobs',
    );
    expect(
      withApplicationName('postgresql://u:p@db:5432/shop?application_name=blue', 'marketplace-jobs'),
    ).toBe('postgresql://u:p@db:5432/shop?application_name=blue');
  });
});
