/**
 * The rule, as SQL: a part's po_number is the number of the most recent purchase order referencing it, among
 * orders that are not cancelled, "most recent" by order date, then created time (then id, to be deterministic).
 * `partFilter` optionally restricts to some parts (a SQL condition on `l.product_id`).
 */
export function winningPoSql(partFilter = 'true'): string {
  return `SELECT DISTINCT ON (l.product_id) l.product_id AS part_id, o.order_number AS po_number, o.id AS order_id
    FROM order_product_lines l JOIN orders o ON o.id = l.order_id
    WHERE o.kind = 'purchase' AND o.status <> 'cancelled' AND ${partFilter}
    ORDER BY l.product_id, o.order_date DESC, o.created_at DESC, o.id DESC`;
}

/** Every part some purchase order wins, with what a sync would do to it. */
export function candidatesSql(partFilter = 'true'): string {
  return `SELECT w.part_id, w.po_number, w.order_id, p.kode, p.nama, p.po_number AS current_po_number,
      CASE WHEN p.deleted_at IS NOT NULL THEN 'part-not-found'
           WHEN p.po_number IS NOT DISTINCT FROM w.po_number THEN 'already-synced'
           ELSE 'needs-sync' END AS status
    FROM (${winningPoSql(partFilter)}) w JOIN parts p ON p.id = w.part_id`;
}
