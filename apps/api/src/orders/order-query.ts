import type { OrderListQueryDto, OrderSort } from '@simpul/contracts';
import { sortColumn } from '../common/pagination';
import type { OrderKindSpec } from './order-kinds';

/** Allow-listed sort fields → output columns of the page query. */
const ORDER_SORT: Readonly<Record<OrderSort, string>> = {
  order_date: 'order_date',
  order_number: 'order_number',
  po_number: 'order_number',
  total: 'total',
  status: 'status',
  created_at: 'created_at',
  party: 'p_nama',
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

/**
 * One page of orders with the party and each order's lines total. The page is cut first and the line sums are
 * computed for its rows only, so the cost does not grow with the number of orders.
 */
export function orderPageSql(spec: OrderKindSpec, q: OrderListQueryDto, limit: number, offset: number): { sql: string; params: unknown[] } {
  const filter = buildOrderFilter(spec, q);
  const sort = sortColumn(q.sort, ORDER_SORT, 'order_date');
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  const sql = `
    WITH page AS (
      SELECT o.*, p.nama AS p_nama, p.alamat AS p_alamat, p.hp AS p_hp, p.email AS p_email
      FROM orders o JOIN ${spec.partyTable} p ON p.id = o.${spec.partyColumn}
      WHERE ${filter.where}
      ORDER BY ${sort} ${dir}, id ${dir}
      LIMIT ${Number(limit)} OFFSET ${Number(offset)}
    )
    SELECT page.*,
           COALESCE((SELECT sum(line_total) FROM order_product_lines WHERE order_id = page.id), 0)
         + COALESCE((SELECT sum(line_total) FROM order_service_lines WHERE order_id = page.id), 0) AS lines_total
    FROM page
    ORDER BY ${sort} ${dir}, id ${dir}`;
  return { sql, params: filter.params };
}

export function orderCountSql(spec: OrderKindSpec, q: OrderListQueryDto): { sql: string; params: unknown[] } {
  const filter = buildOrderFilter(spec, q);
  const join = q.q ? `JOIN ${spec.partyTable} p ON p.id = o.${spec.partyColumn}` : '';
  return { sql: `SELECT count(*)::int AS count FROM orders o ${join} WHERE ${filter.where}`, params: filter.params };
}
