import type { RouteRecordRaw } from 'vue-router';

/** Outside the app shell: the login page is for signed-out visitors only. */
export const authPublicRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { public: true, guestOnly: true, title: 'auth.title' },
  },
];

export const authRoutes: RouteRecordRaw[] = [
  {
    path: 'profile',
    name: 'profile',
    component: () => import('./pages/ProfilePage.vue'),
    meta: { title: 'nav.profile', nav: 40, description: 'home.descriptions.profile' },
  },
];
