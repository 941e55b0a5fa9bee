import type { OdooMoItem } from '@simpul/contracts';

/** One MO as `GET /api/odoo/mo-list` answers it (times are Odoo's UTC). */
export function odooMoItem(id: number, patch: Partial<OdooMoItem> = {}): OdooMoItem {
  return {
    odoo_id: id,
    mo_number: `WH/MO/${String(id).padStart(5, '0')}`,
    production_type: 'liquid',
    sku_name: `[LQ-${id}] Mango Ice 30ml 3mg`,
    quantity: '120',
    uom: 'Units',
    note: 'SO0421',
    state: 'confirmed',
    scheduled_start: '2026-11-23T02:00:00.000Z',
    create_date: '2026-11-21T07:41:00.000Z',
    company: 'My Company (San Francisco)',
    ...patch,
  };
}
