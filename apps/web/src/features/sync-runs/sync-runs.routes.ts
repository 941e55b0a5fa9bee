import type { Role } from '@simpul/contracts';
import type { RouteRecordRaw } from 'vue-router';
import { SYNC_OPERATORS } from '@/shared/lib/permissions';

/** Who may run syncs and read their history (the API's SYNC_OPERATORS). */
const SYNC_ROLES: Role[] = [...SYNC_OPERATORS];

export const syncRunsRoutes: RouteRecordRaw[] = [
  {
    path: 'sync-runs',
    name: 'sync-runs',
    component: () => import('./pages/SyncRunsPage.vue'),
    meta: { title: 'nav.syncRuns', roles: SYNC_ROLES, nav: 26, group: 'nav.groups.sync', description: 'home.descriptions.syncRuns' },
  },
  {
    path: 'sync-runs/:id',
    name: 'sync-run-detail',
    component: () => import('./pages/SyncRunDetailPage.vue'),
    props: (to) => ({ id: String(to.params['id']) }),
    meta: { title: 'sync.detail.title', roles: SYNC_ROLES },
  },
];
