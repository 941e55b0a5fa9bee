import type { RouteRecordRaw } from 'vue-router';

export const homeRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('./pages/HomePage.vue'),
    meta: { title: 'nav.home', nav: 1, description: 'home.descriptions.home' },
  },
  {
    path: 'forbidden',
    name: 'forbidden',
    component: () => import('./pages/ForbiddenPage.vue'),
    meta: { title: 'nav.forbidden' },
  },
];

/** Outside the app shell, and public: any address no route matches. */
export const notFoundRoute: RouteRecordRaw = {
  path: '/:pathMatch(.*)*',
  name: 'not-found',
  component: () => import('./pages/NotFoundPage.vue'),
  meta: { public: true, title: 'notFound.title' },
};
