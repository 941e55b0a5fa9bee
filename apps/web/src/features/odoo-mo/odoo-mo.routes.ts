import type { RouteRecordRaw } from 'vue-router';

export const odooMoRoutes: RouteRecordRaw[] = [
  {
    path: 'mo',
    name: 'odoo-mo',
    component: () => import('./pages/MoPage.vue'),
    meta: { title: 'nav.mo', nav: 25, group: 'nav.groups.sync', description: 'home.descriptions.mo' },
  },
  {
    path: 'admin/odoo',
    name: 'odoo-settings',
    component: () => import('./pages/OdooSettingsPage.vue'),
    meta: { title: 'nav.odoo', roles: ['admin'], nav: 33, group: 'nav.groups.admin', description: 'home.descriptions.odoo' },
  },
];
