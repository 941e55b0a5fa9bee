import type { RouteRecordRaw } from 'vue-router';

export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/audit-logs',
    name: 'audit-logs',
    component: () => import('./pages/AuditLogsPage.vue'),
    meta: { title: 'nav.auditLogs', roles: ['admin'], nav: 31, group: 'nav.groups.admin', description: 'home.descriptions.auditLogs' },
  },
];
