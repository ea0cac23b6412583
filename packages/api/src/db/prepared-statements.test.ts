import { describe, expect, test } from '../../test/fixtures.js';
import { executePrepared, leanQuery, prepared } from './lean-query.js';
import { initOrm } from './orm.js';
import { inTransaction } from './transaction.js';

describe('prepared statements (db/prepared-statements.ts)', () => {
  test('em.execute-style SQL becomes one text per shape of values: `?` → `$n`, a list expands, Dates and objects convert', () => {
    const at = new Date('2026-11-22T10:00:00.000Z');
    const a = prepared('t', 'select * from x where id in (?) and at < ? and doc = ?::jsonb and n = ?', [
      [1, 2, 3],
      at,
      { a: 1 },
      7,
    ]);
    expect(a.text).toBe(
      'select * from x where id in ($1, $2, $3) and at < $4 and doc = $5::jsonb and n = $6',
    );
    expect(a.values).toEqual([1, 2, 3, '2026-11-22T10:00:00.000Z', '{"a":1}', 7]);
    const b = prepared('t', 'select * from x where id in (?) and at < ? and doc = ?::jsonb and n = ?', [
      [4, 5, 6],
      new Date(),
      { b: 2 },
      8,
    ]);
    expect(b.text).toBe(a.text);
    expect(b.name).toBe(a.name);
    expect(() => prepared('t', 'select ?, ?', [1])).toThrow(/more placeholders/);
    expect(() => prepared('t', 'select ?', [1, 2])).toThrow(/2 values for 1/);
    expect(() => prepared('t', 'select ??', ['a'])).toThrow(/not supported/);
  });

  test('inside a transaction a marked statement is prepared on the transaction’s own connection, once', async ({
    api,
  }) => {
    const em = api.platform.orm.em.fork();
    const text = `select $1::int + 1 as next /* prepared-in-transaction ${Date.now()} */`;
    const seen = await inTransaction(em, async (tx) => {
      const first = await leanQuery<{ next: number }>(tx, { name: 'test_next', text, values: [1] });
      const second = await leanQuery<{ next: number }>(tx, { name: 'test_next', text, values: [41] });
      // The same connection: its prepared statements include this text, under one name.
      const mine = await leanQuery<{ name: string }>(tx, {
        name: 'test_mine',
        text: 'select name from pg_prepared_statements where statement = $1',
        values: [text],
        prepare: false,
      });
      return { values: [first[0]!.next, second[0]!.next], names: mine.map((r) => r.name) };
    });
    expect(seen.values).toEqual([2, 42]);
    expect(seen.names).toHaveLength(1);
    expect(seen.names[0]).toMatch(/^test_next/);
  });

  test('a prepared `select *` whose table changed under it fails once, then runs under a new name', async ({
    api,
  }) => {
    await api.sql('drop table if exists prepared_shape_test');
    await api.sql('create table prepared_shape_test (id int primary key, a text)');
    await api.sql(`insert into prepared_shape_test values (1, 'x')`);
    // One connection, so the stale statement is certainly met.
    const orm = await initOrm({ clientUrl: api.databaseUrl, poolMax: 1 });
    try {
      const read = () =>
        inTransaction(orm.em.fork(), (tx) =>
          executePrepared<Record<string, unknown>>(
            tx,
            'shape_test',
            'select * from prepared_shape_test where id = ?',
            [1],
          ),
        );
      expect(await read()).toEqual([{ id: 1, a: 'x' }]);
      await api.sql('alter table prepared_shape_test add column b int default 5');
      await expect(read()).rejects.toThrow(/cached plan must not change result type/);
      expect(await read()).toEqual([{ id: 1, a: 'x', b: 5 }]);
      expect(await read()).toEqual([{ id: 1, a: 'x', b: 5 }]);
    } finally {
      await orm.close(true);
    }
  });
});
