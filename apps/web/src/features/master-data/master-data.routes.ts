import type { RouteRecordRaw } from 'vue-router';
import type { MasterResource } from './master-data.api';

const masterDataPage = () => import('./pages/MasterDataPage.vue');
/** In the sidebar's order. Written out rather than imported: a value from the contracts would pull the DTO classes into the first download. */
const RESOURCES: readonly MasterResource[] = ['customers', 'vendors', 'parts', 'services'];

/** The four master-data lists share one page, driven by the resource's config; parts also have a detail page. */
export const masterDataRoutes: RouteRecordRaw[] = [
  ...RESOURCES.map(
    (resource, i): RouteRecordRaw => ({
      path: `master/${resource}`,
      name: resource,
      component: masterDataPage,
      props: { resource },
      meta: { title: `nav.${resource}`, nav: 20 + i, group: 'nav.groups.masterData', description: `home.descriptions.${resource}` },
    }),
  ),
  {
    path: 'master/parts/:id',
    name: 'part-detail',
    component: () => import('./pages/PartDetailPage.vue'),
    props: (to) => ({ id: String(to.params['id']) }),
    meta: { title: 'parts.detailTitle' },
  },
];
