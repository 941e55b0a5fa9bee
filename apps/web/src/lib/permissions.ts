import type { Role } from '@simpul/contracts';

/** Mirrors the API's role guards, so the SPA hides buttons the server would refuse anyway. */
export const MASTER_DATA_WRITERS: readonly Role[] = ['admin', 'direktur', 'manager', 'spv'];
export const MASTER_DATA_DELETERS: readonly Role[] = ['admin', 'direktur', 'manager'];
export const ORDER_DELETERS: readonly Role[] = ['admin', 'direktur', 'manager'];
