import type { OrderKind } from '@simpul/contracts';
import type { RouteRecordRaw } from 'vue-router';

/** Route names of one order kind. */
export function orderRouteNames(kind: OrderKind) {
  return kind === 'sale'
    ? { list: 'sales', create: 'sale-new', detail: 'sale-detail', edit: 'sale-edit' }
    : { list: 'purchases', create: 'purchase-new', detail: 'purchase-detail', edit: 'purchase-edit' };
}

const orderListPage = () => import('./pages/OrderListPage.vue');
const orderEditorPage = () => import('./pages/OrderEditorPage.vue');
const orderDetailPage = () => import('./pages/OrderDetailPage.vue');

/** Sales and purchases: list, new, detail and edit, on the same pages parameterised by kind. */
function routesOf(kind: OrderKind, base: string, nav: number): RouteRecordRaw[] {
  const names = orderRouteNames(kind);
  return [
    {
      path: base,
      name: names.list,
      component: orderListPage,
      props: { kind },
      meta: { title: `nav.${names.list}`, nav, group: 'nav.groups.orders', description: `home.descriptions.${names.list}` },
    },
    {
      path: `${base}/new`,
      name: names.create,
      component: orderEditorPage,
      props: { kind },
      meta: { title: `orders.${kind}.createTitle` },
    },
    {
      path: `${base}/:id`,
      name: names.detail,
      component: orderDetailPage,
      props: (to) => ({ kind, id: String(to.params['id']) }),
      meta: { title: `orders.${kind}.detailTitle` },
    },
    {
      path: `${base}/:id/edit`,
      name: names.edit,
      component: orderEditorPage,
      props: (to) => ({ kind, id: String(to.params['id']) }),
      meta: { title: `orders.${kind}.editPageTitle` },
    },
  ];
}

export const ordersRoutes: RouteRecordRaw[] = [...routesOf('sale', 'sales', 10), ...routesOf('purchase', 'purchases', 11)];
