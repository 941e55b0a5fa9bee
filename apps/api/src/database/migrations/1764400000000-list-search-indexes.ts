import { MigrationInterface, QueryRunner } from 'typeorm';

/** `?q=` searches `column ILIKE '%…%'`: a trigram GIN index answers that without reading every row. */
const SEARCHED: Record<string, string[]> = {
  parts: ['kode', 'nama', 'po_number'],
  customers: ['nama', 'email', 'hp', 'alamat'],
  vendors: ['nama', 'email', 'hp', 'alamat'],
  services: ['nama'],
  orders: ['order_number', 'nama', 'keterangan'],
  audit_logs: ['action', 'actor_email', 'resource_id'],
};

/**
 * The sorts the SPA offers, each with the id tie-break the list queries add, so a page is read in index order and
 * stops at its LIMIT instead of sorting the whole table. Parts lists only show live parts (partial indexes).
 */
const SORTED: Array<{ name: string; table: string; columns: string; where?: string }> = [
  ...['nama', 'harga', 'stock', 'po_number', 'created_at'].map((c) => ({
    name: `parts_sort_${c}_idx`,
    table: 'parts',
    columns: `${c}, id`,
    where: 'deleted_at IS NULL',
  })),
  { name: 'orders_sort_total_idx', table: 'orders', columns: 'kind, total, id' },
  { name: 'orders_sort_created_idx', table: 'orders', columns: 'kind, created_at, id' },
  { name: 'orders_sort_status_idx', table: 'orders', columns: 'kind, status, id' },
  { name: 'customers_sort_nama_idx', table: 'customers', columns: 'nama, id' },
  { name: 'vendors_sort_nama_idx', table: 'vendors', columns: 'nama, id' },
  { name: 'services_sort_nama_idx', table: 'services', columns: 'nama, id' },
  // The boot check for runs a stopped server left `running` reads only these.
  { name: 'sync_runs_running_idx', table: 'sync_runs', columns: 'kind', where: `status = 'running'` },
];

const searchIndexes = () =>
  Object.entries(SEARCHED).flatMap(([table, columns]) => columns.map((c) => ({ name: `${table}_${c}_trgm_idx`, table, column: c })));

/** Indexes for list search and sort: at 100k rows a search or a sort by total read every row on every request. */
export class ListSearchIndexes1764400000000 implements MigrationInterface {
  name = 'ListSearchIndexes1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Ships with PostgreSQL (contrib), and is a trusted extension: the database owner may create it.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const i of searchIndexes()) await q.query(`CREATE INDEX ${i.name} ON ${i.table} USING gin (${i.column} gin_trgm_ops)`);
    for (const i of SORTED) await q.query(`CREATE INDEX ${i.name} ON ${i.table} (${i.columns})${i.where ? ` WHERE ${i.where}` : ''}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const i of [...SORTED, ...searchIndexes()]) await q.query(`DROP INDEX ${i.name}`);
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
