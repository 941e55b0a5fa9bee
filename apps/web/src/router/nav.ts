import type { Role } from '@simpul/contracts';
import { computed } from 'vue';
import { useRouter, type RouteRecordNormalized } from 'vue-router';
import { useSessionStore } from '../stores/session';

export interface NavItem {
  name: string;
  path: string;
  title: string;
  description?: string;
  roles?: Role[];
}

export function navItemsFrom(records: RouteRecordNormalized[], canAccess: (roles: Role[] | undefined) => boolean): NavItem[] {
  return records
    .filter((r) => typeof r.meta.nav === 'number' && typeof r.name === 'string' && r.meta.title)
    .filter((r) => canAccess(r.meta.roles))
    .sort((a, b) => (a.meta.nav ?? 0) - (b.meta.nav ?? 0))
    .map((r) => ({
      name: String(r.name),
      path: r.path,
      title: r.meta.title ?? '',
      description: r.meta.description,
      roles: r.meta.roles,
    }));
}

/** Sidebar entries from route meta, limited to what the current user's role may open. */
export function useNavItems() {
  const router = useRouter();
  const session = useSessionStore();
  return computed(() => navItemsFrom(router.getRoutes(), (roles) => session.canAccess(roles)));
}
