import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;
/** Deeper pages are refused: their offset would leave PostgreSQL's integer range long before anyone reads them. */
export const MAX_PAGE = 1_000_000;

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Paging, which every list takes: `?page=1&limit=20`. */
export class PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

/** A list with free-text search: `?q=text`. */
export class SearchQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/**
 * A searchable list that sorts by one of `fields`: `?sort=field&order=asc`. Any other sort field is a 400, so the
 * allow-list is also what the OpenAPI document shows.
 */
export function SortedSearchQuery<S extends string>(name: string, fields: readonly S[]) {
  class SortedQuery extends SearchQueryDto {
    @IsOptional()
    @IsIn(fields)
    sort?: S;

    @IsOptional()
    @IsIn(SORT_ORDERS)
    order?: SortOrder;
  }
  Object.defineProperty(SortedQuery, 'name', { value: name });
  return SortedQuery;
}
