import type { PageQueryDto } from '@simpul/contracts';

export const DEFAULT_PAGE_SIZE = 20;

export function pageWindow(query: PageQueryDto, defaultLimit = DEFAULT_PAGE_SIZE) {
  const page = query.page ?? 1;
  const limit = query.limit ?? defaultLimit;
  return { page, limit, offset: (page - 1) * limit };
}

/**
 * Resolves `?sort=` against an allow-list of API field → SQL column, so user input never reaches SQL. The query DTO
 * already refuses other fields; the own-property check keeps `constructor` and `__proto__` out regardless.
 */
export function sortColumn<K extends string>(sort: string | undefined, allowed: Readonly<Record<K, string>>, fallback: K): string {
  return sort !== undefined && Object.hasOwn(allowed, sort) ? allowed[sort as K] : allowed[fallback];
}
