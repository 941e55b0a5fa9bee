import { Client } from 'pg';
import { pgArrayLiteral } from '../src/database/pg-array';
import { createTestDatabase, dropTestDatabase, urlFor } from './support/test-database';

/** What pgArrayLiteral writes, Postgres reads back unchanged. */
describe('pgArrayLiteral against Postgres (integration)', () => {
  let name: string;
  let client: Client;
  beforeAll(async () => {
    name = await createTestDatabase();
    client = new Client({ connectionString: urlFor(name) });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await dropTestDatabase(name);
  });

  it('round-trips text with quotes, backslashes, braces, commas, blanks, "NULL" and real nulls', async () => {
    const values = ['plain', '', 'NULL', null, 'with "quotes"', 'back\\slash', '{braces}, comma', ' spaced ', 'ümlaut ✓', '\\"', 'a\nb'];
    const { rows } = await client.query<{ a: Array<string | null> }>('SELECT $1::text[] AS a', [pgArrayLiteral(values, (v) => v)]);
    expect(rows[0]?.a).toEqual(values);
  });

  it('feeds integer, numeric and timestamptz arrays', async () => {
    const items = [
      { id: 7, qty: '12.50', at: '2026-11-02T10:00:00.000Z' },
      { id: null, qty: '0.001', at: null },
    ];
    const { rows } = await client.query<{ ids: Array<number | null>; qtys: string; ats: string }>(
      `SELECT $1::int[] AS ids, $2::numeric[]::text AS qtys, array_to_json($3::timestamptz[])::text AS ats`,
      [pgArrayLiteral(items, (i) => i.id), pgArrayLiteral(items, (i) => i.qty), pgArrayLiteral(items, (i) => i.at)],
    );
    expect(rows[0]).toEqual({ ids: [7, null], qtys: '{12.50,0.001}', ats: '["2026-11-02T10:00:00+00:00",null]' });
  });
});
