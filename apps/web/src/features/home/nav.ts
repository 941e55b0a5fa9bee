import type { Role } from '@simpul/contracts';
import { computed } from 'vue';
import { useRouter, type RouteRecordNormalized } from 'vue-router';
import { useSessionStore } from '@/features/auth/session.store';

export interface NavItem {
  name: string;
  path: string;
  title: string;
  description?: string;
  roles?: Role[];
  /** i18n key of the sidebar section heading */
  group?: string;
}

export interface NavSection {
  /** i18n key of the heading; undefined for top-level entries */
  group?: string;
  items: NavItem[];
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
      group: r.meta.group,
    }));
}

/** Consecutive entries of the same group become one sidebar section. */
export function navSections(items: NavItem[]): NavSection[] {
  const sections: NavSection[] = [];
  for (const item of items) {
    const last = sections.at(-1);
    if (last && last.group === item.group) last.items.push(item);
    else sections.push({ group: item.group, items: [item] });
  }
  return sections;
}

/** Sidebar entries from route meta, limited to what the current user's role may open. */
export function useNavItems() {
  const router = useRouter();
  const session = useSessionStore();
  return computed(() => navItemsFrom(router.getRoutes(), (roles) => session.canAccess(roles)));
}
