import type { Role } from '@simpul/contracts';
import type { Pinia } from 'pinia';
import {
  createRouter,
  createWebHistory,
  type RouteLocationRaw,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router';
import { auditRoutes } from '@/features/audit/audit.routes';
import { authPublicRoutes, authRoutes } from '@/features/auth/auth.routes';
import { useSessionStore } from '@/features/auth/session.store';
import { homeRoutes, notFoundRoute } from '@/features/home/home.routes';
import { masterDataRoutes } from '@/features/master-data/master-data.routes';
import { notificationsRoutes } from '@/features/notifications/notifications.routes';
import { odooMoRoutes } from '@/features/odoo-mo/odoo-mo.routes';
import { ordersRoutes } from '@/features/orders/orders.routes';
import { settingsRoutes } from '@/features/settings/settings.routes';
import { syncRunsRoutes } from '@/features/sync-runs/sync-runs.routes';
import { usersRoutes } from '@/features/users/users.routes';
import { safeRedirect } from '@/shared/lib/safe-redirect';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title / nav label */
    title?: string;
    /** Roles allowed; absent = any signed-in user */
    roles?: Role[];
    /** Reachable without signing in */
    public?: boolean;
    /** Only for signed-out visitors (the login page) */
    guestOnly?: boolean;
    /** Show in the sidebar, in this order */
    nav?: number;
    /** i18n key of a one-line description for the home page */
    description?: string;
    /** Sidebar section (i18n key of its heading); consecutive entries of a group are shown together */
    group?: string;
  }
}

/** Each feature declares its own routes (`features/<feature>/<feature>.routes.ts`); the shell holds the signed-in ones. */
export const routes: RouteRecordRaw[] = [
  ...authPublicRoutes,
  {
    path: '/',
    component: () => import('./AppShell.vue'),
    children: [
      ...homeRoutes,
      ...ordersRoutes,
      ...masterDataRoutes,
      ...odooMoRoutes,
      ...syncRunsRoutes,
      ...notificationsRoutes,
      ...usersRoutes,
      ...auditRoutes,
      ...settingsRoutes,
      ...authRoutes,
    ],
  },
  notFoundRoute,
];

export function createAppRouter(pinia: Pinia, history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });

  router.beforeEach((to): RouteLocationRaw | true => {
    const session = useSessionStore(pinia);
    if (to.meta.public) {
      if (to.meta.guestOnly && session.isAuthenticated) return safeRedirect(to.query['redirect']);
      return true;
    }
    if (!session.isAuthenticated) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    const allowed = to.matched.every((record) => session.canAccess(record.meta.roles));
    if (!allowed) return { name: 'forbidden' };
    return true;
  });

  return router;
}
