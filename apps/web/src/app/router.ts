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
import { SYNC_OPERATORS } from '@/shared/lib/permissions';
import { useSessionStore } from '@/features/auth/session.store';

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

/** Who may run syncs and read their history (the API's SYNC_OPERATORS). */
const SYNC_ROLES: Role[] = [...SYNC_OPERATORS];

const orderListPage = () => import('@/features/orders/pages/OrderListPage.vue');
const orderEditorPage = () => import('@/features/orders/pages/OrderEditorPage.vue');
const orderDetailPage = () => import('@/features/orders/pages/OrderDetailPage.vue');
const masterDataPage = () => import('@/features/master-data/pages/MasterDataPage.vue');

/** The four master-data lists share one page, driven by the resource's config. */
const masterDataRoutes: RouteRecordRaw[] = (['customers', 'vendors', 'parts', 'services'] as const).map((resource, i) => ({
  path: `master/${resource}`,
  name: resource,
  component: masterDataPage,
  props: { resource },
  meta: { title: `nav.${resource}`, nav: 20 + i, group: 'nav.groups.masterData', description: `home.descriptions.${resource}` },
}));

/** Sales and purchases: list, new, detail and edit, on the same pages parameterised by kind. */
function orderRoutes(kind: 'sale' | 'purchase', base: string, nav: number): RouteRecordRaw[] {
  const list = kind === 'sale' ? 'sales' : 'purchases';
  return [
    {
      path: base,
      name: list,
      component: orderListPage,
      props: { kind },
      meta: { title: `nav.${list}`, nav, group: 'nav.groups.orders', description: `home.descriptions.${list}` },
    },
    {
      path: `${base}/new`,
      name: `${kind}-new`,
      component: orderEditorPage,
      props: { kind },
      meta: { title: `orders.${kind}.createTitle` },
    },
    {
      path: `${base}/:id`,
      name: `${kind}-detail`,
      component: orderDetailPage,
      props: (to) => ({ kind, id: String(to.params['id']) }),
      meta: { title: `orders.${kind}.detailTitle` },
    },
    {
      path: `${base}/:id/edit`,
      name: `${kind}-edit`,
      component: orderEditorPage,
      props: (to) => ({ kind, id: String(to.params['id']) }),
      meta: { title: `orders.${kind}.editPageTitle` },
    },
  ];
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/features/auth/pages/LoginPage.vue'),
    meta: { public: true, guestOnly: true, title: 'auth.title' },
  },
  {
    path: '/',
    component: () => import('./AppShell.vue'),
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/features/home/pages/HomePage.vue'),
        meta: { title: 'nav.home', nav: 1, description: 'home.descriptions.home' },
      },
      ...orderRoutes('sale', 'sales', 10),
      ...orderRoutes('purchase', 'purchases', 11),
      ...masterDataRoutes,
      {
        path: 'master/parts/:id',
        name: 'part-detail',
        component: () => import('@/features/master-data/pages/PartDetailPage.vue'),
        props: (to) => ({ id: String(to.params['id']) }),
        meta: { title: 'parts.detailTitle' },
      },
      {
        path: 'mo',
        name: 'odoo-mo',
        component: () => import('@/features/odoo-mo/pages/MoPage.vue'),
        meta: { title: 'nav.mo', nav: 25, group: 'nav.groups.sync', description: 'home.descriptions.mo' },
      },
      {
        path: 'sync-runs',
        name: 'sync-runs',
        component: () => import('@/features/sync-runs/pages/SyncRunsPage.vue'),
        meta: { title: 'nav.syncRuns', roles: SYNC_ROLES, nav: 26, group: 'nav.groups.sync', description: 'home.descriptions.syncRuns' },
      },
      {
        path: 'sync-runs/:id',
        name: 'sync-run-detail',
        component: () => import('@/features/sync-runs/pages/SyncRunDetailPage.vue'),
        props: (to) => ({ id: String(to.params['id']) }),
        meta: { title: 'sync.detail.title', roles: SYNC_ROLES },
      },
      {
        path: 'notifications',
        name: 'notifications',
        component: () => import('@/features/notifications/pages/NotificationsPage.vue'),
        meta: { title: 'nav.notifications' },
      },
      {
        path: 'admin/users',
        name: 'users',
        component: () => import('@/features/users/pages/UsersPage.vue'),
        meta: { title: 'nav.users', roles: ['admin'], nav: 30, group: 'nav.groups.admin', description: 'home.descriptions.users' },
      },
      {
        path: 'admin/audit-logs',
        name: 'audit-logs',
        component: () => import('@/features/audit/pages/AuditLogsPage.vue'),
        meta: { title: 'nav.auditLogs', roles: ['admin'], nav: 31, group: 'nav.groups.admin', description: 'home.descriptions.auditLogs' },
      },
      {
        path: 'admin/settings',
        name: 'settings',
        component: () => import('@/features/settings/pages/SettingsPage.vue'),
        meta: { title: 'nav.settings', roles: ['admin'], nav: 32, group: 'nav.groups.admin', description: 'home.descriptions.settings' },
      },
      {
        path: 'admin/odoo',
        name: 'odoo-settings',
        component: () => import('@/features/odoo-mo/pages/OdooSettingsPage.vue'),
        meta: { title: 'nav.odoo', roles: ['admin'], nav: 33, group: 'nav.groups.admin', description: 'home.descriptions.odoo' },
      },
      {
        path: 'profile',
        name: 'profile',
        component: () => import('@/features/auth/pages/ProfilePage.vue'),
        meta: { title: 'nav.profile', nav: 40, description: 'home.descriptions.profile' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/features/home/pages/ForbiddenPage.vue'),
        meta: { title: 'nav.forbidden' },
      },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/features/home/pages/NotFoundPage.vue'),
    meta: { public: true, title: 'notFound.title' },
  },
];

/** Only same-app paths are valid redirect targets (no `//evil.example`, no API routes). */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string') return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/api') || value.startsWith('/login')) return '/';
  return value;
}

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
