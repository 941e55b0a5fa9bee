import type { MoCacheItem, OdooMoItem } from '@simpul/contracts';
import { moStateLabel } from '@/features/sync-runs/sync-labels';
import type { DataColumn } from '@/shared/list/columns';
import { formatDateTime, formatQty } from '@/shared/lib/format';

/** A manufacturing order from the cache or read live from Odoo. */
export type MoRow = MoCacheItem | OdooMoItem;
export type MoColumn = 'number' | 'company' | 'type' | 'sku' | 'quantity' | 'state' | 'scheduledStart' | 'source' | 'created' | 'changed';

/** When a sync first found the MO missing in Odoo (cache rows only; null while Odoo has it). */
export function moMissingSince(mo: MoRow): string | null {
  return 'missing_since' in mo ? mo.missing_since : null;
}

/** The badge colours of Odoo's MO states (the design system's tones); others keep the plain badge. */
const STATE_TONES = new Map<string, string>([
  ['done', 'badge-success'],
  ['progress', 'badge-warning'],
  ['to_close', 'badge-warning'],
  ['confirmed', 'badge-manager'],
  ['cancel', 'badge-danger badge-struck'],
]);

export function moStateTone(state: string | null): string {
  return (state && STATE_TONES.get(state)) || '';
}

type Translate = (key: string) => string;
type Exists = (key: string) => boolean;

/** The columns named, in that order (the number's missing badge, the type and state cells come from `MoList`'s slots). */
export function moColumns(keys: readonly MoColumn[], t: Translate, te: Exists, locale: string): DataColumn<MoRow>[] {
  const all: Record<MoColumn, Omit<DataColumn<MoRow>, 'key'>> = {
    number: { label: 'odoo.mo.number', cellClass: 'mono', card: 'title', text: (mo) => mo.mo_number },
    company: { label: 'odoo.mo.company', text: (mo) => mo.company ?? '—' },
    type: { label: 'odoo.mo.type' },
    sku: { label: 'odoo.mo.sku', cellClass: 'sku', text: (mo) => mo.sku_name },
    quantity: { label: 'odoo.mo.quantity', num: true, card: 'amount', text: (mo) => `${formatQty(mo.quantity, locale)} ${mo.uom ?? ''}`.trim() },
    state: { label: 'odoo.mo.state', card: 'badge', text: (mo) => moStateLabel(mo.state, t, te) },
    scheduledStart: { label: 'odoo.mo.scheduledStart', text: (mo) => formatDateTime(mo.scheduled_start, locale) },
    source: { label: 'odoo.mo.source', text: (mo) => mo.note ?? '—' },
    created: { label: 'odoo.mo.created', text: (mo) => formatDateTime(mo.create_date, locale) },
    changed: { label: 'odoo.mo.changed', text: (mo) => formatDateTime('changed_at' in mo ? mo.changed_at : null, locale) },
  };
  return keys.map((key) => ({ key, ...all[key] }));
}
