import { describe, expect, test } from './fixtures.js';

describe('migrations', () => {
  test('the committed migrations produce exactly the schema the entities describe', async ({ api }) => {
    const diff = await api.platform.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  test('the job queue schema is installed', async ({ api }) => {
    const [row] =
      await api.sql(`select count(*)::int as n from pg_proc p join pg_namespace s on s.oid = p.pronamespace
      where s.nspname = 'graphile_worker' and p.proname = 'add_job'`);
    expect(row.n).toBeGreaterThan(0);
  });
});
