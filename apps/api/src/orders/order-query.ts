import type { OrderListQueryDto } from '@simpul/contracts';
import type { OrderKindSpec } from './order-kinds';

/** Allow-listed sort fields → SQL (alias `o`). */
export const ORDER_SORT: Record<string, string> = {
  order_date: 'o.order_date',
  order_number: 'o.order_number',
  po_number: 'o.order_number',
  total: 'o.total',
  status: 'o.status',
  created_at: 'o.created_at',
  party: 'p.nama',
};

/** The list and export filters as one parameterised WHERE clause. */
export function buildOrderFilter(spec: OrderKindSpec, q: OrderListQueryDto): { where: string; params: unknown[] } {
  const params: unknown[] = [spec.kind];
  const clauses = ['o.kind = $1'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (q.status) add((n) => `o.status = ${n}`, q.status);
  if (q.party_id) add((n) => `o.${spec.partyColumn} = ${n}`, q.party_id);
  if (q.date_from) add((n) => `o.order_date >= ${n}`, q.date_from);
  if (q.date_to) add((n) => `o.order_date <= ${n}`, q.date_to);
  if (q.q) add((n) => `(o.order_number ILIKE ${n} OR o.nama ILIKE ${n} OR p.nama ILIKE ${n} OR o.keterangan ILIKE ${n})`, `%${q.q}%`);
  return { where: clauses.join(' AND '), params };
}
