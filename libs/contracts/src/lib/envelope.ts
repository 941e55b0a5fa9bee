/** The seeds' success envelope. Lists that paginate add `meta`. */
export interface ApiSuccess<T> {
  success: true;
  data: T;
  meta?: PageMeta;
}

/** The seeds' error envelope: one sentence a person can act on, plus machine-readable extras. */
export interface ApiErrorBody {
  success: false;
  error: string;
  code?: string;
  /** Field-level problems for validation errors. */
  fields?: FieldError[];
  requestId?: string;
}

export interface FieldError {
  field: string;
  messages: string[];
}

export interface PageMeta {
  page: number;
  limit: number;
  total: number;
  pages: number;
}

export interface Page<T> {
  items: T[];
  meta: PageMeta;
}

export function pageMeta(page: number, limit: number, total: number): PageMeta {
  return { page, limit, total, pages: Math.max(1, Math.ceil(total / limit)) };
}
