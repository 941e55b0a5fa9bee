import type { RouteRecordRaw } from 'vue-router';

export const settingsRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/settings',
    name: 'settings',
    component: () => import('./pages/SettingsPage.vue'),
    meta: { title: 'nav.settings', roles: ['admin'], nav: 32, group: 'nav.groups.admin', description: 'home.descriptions.settings' },
  },
];
