import type { RouteRecordRaw } from 'vue-router';

export const usersRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/users',
    name: 'users',
    component: () => import('./pages/UsersPage.vue'),
    meta: { title: 'nav.users', roles: ['admin'], nav: 30, group: 'nav.groups.admin', description: 'home.descriptions.users' },
  },
];
