import type { Role } from '@simpul/contracts';

/** Mirrors the API's role guards, so the SPA hides buttons the server would refuse anyway. */
export const MASTER_DATA_WRITERS: readonly Role[] = ['admin', 'direktur', 'manager', 'spv'];
export const MASTER_DATA_DELETERS: readonly Role[] = ['admin', 'direktur', 'manager'];
export const ORDER_DELETERS: readonly Role[] = ['admin', 'direktur', 'manager'];
/** Who may preview and run syncs and read their history (the API's `SYNC_OPERATORS`). */
export const SYNC_OPERATORS: readonly Role[] = ['admin', 'direktur', 'manager'];
/** Who may read the Odoo configuration and MO stats (the API's `ODOO_CONFIG_READERS`). */
export const ODOO_CONFIG_READERS: readonly Role[] = ['admin', 'direktur', 'manager'];
/** Who may start a manual MO sync from Odoo (the API's `MO_SYNC_TRIGGERERS`). */
export const MO_SYNC_TRIGGERERS: readonly Role[] = ['admin', 'manager'];
