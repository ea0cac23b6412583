import { describe, expect, test } from '../../test/fixtures.js';
import { jsonRows, WriteBatch } from './write-batch.js';

describe('WriteBatch: several writes as one statement', () => {
  test('runs every part in order of parameters, feeds returning rows to later parts, and answers the returning columns', async ({
    api,
  }) => {
    await api.sql(
      'create table if not exists wb_test (id serial primary key, label text not null, n int not null)',
    );
    await api.sql('truncate wb_test');
    const em = api.platform.orm.em.fork();
    const batch = new WriteBatch();
    const inserted = batch.add(
      `insert into wb_test (label, n) select x.label, x.n from jsonb_to_recordset(?::jsonb) as x(label text, n int)
       returning id, label, n`,
      [
        jsonRows([
          { label: 'a', n: 1 },
          { label: 'b', n: 2 },
        ]),
      ],
    );
    // A later part reads the earlier one's returning rows (it cannot see them in the table).
    const copied = batch.add(
      `insert into wb_test (label, n) select label || ?, n * ? from ${inserted} returning id`,
      ['-copy', 10],
    );
    const row = await batch.run<{ labels: string[]; copies: number }>(em, {
      labels: `(select array_agg(label order by label) from ${inserted})`,
      copies: `(select count(*)::int from ${copied})`,
    });
    expect(row.labels).toEqual(['a', 'b']);
    expect(row.copies).toBe(2);
    const rows = await api.sql<{ label: string; n: number }>('select label, n from wb_test order by label');
    expect(rows).toEqual([
      { label: 'a', n: 1 },
      { label: 'a-copy', n: 10 },
      { label: 'b', n: 2 },
      { label: 'b-copy', n: 20 },
    ]);
  });

  test('a select part with side effects runs only when marked mustRun', async ({ api }) => {
    const em = api.platform.orm.em.fork();
    await api.sql('create sequence if not exists wb_seq');
    const before = Number((await api.sql<{ v: string }>(`select nextval('wb_seq') as v`))[0]!.v);
    const skipped = new WriteBatch();
    skipped.add(`select nextval('wb_seq')`);
    await skipped.run(em);
    const forced = new WriteBatch();
    forced.add(`select nextval('wb_seq')`, [], { mustRun: true });
    forced.add(`select nextval('wb_seq')`, [], { mustRun: true });
    const result = await forced.run<{ batchEffects: string }>(em);
    expect(Number(result.batchEffects)).toBe(2);
    const after = Number((await api.sql<{ v: string }>(`select nextval('wb_seq') as v`))[0]!.v);
    // Only the two forced calls took values between the two reads.
    expect(after - before).toBe(3);
  });

  test('an empty batch sends nothing', async ({ api }) => {
    expect(await new WriteBatch().run(api.platform.orm.em.fork())).toEqual({});
  });
});
