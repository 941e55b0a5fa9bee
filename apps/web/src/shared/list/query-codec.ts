import type { LocationQuery } from 'vue-router';

/** The address's query as one list sees it: its own keys, prefix already taken off. */
export type RawQuery = Record<string, string>;

/**
 * How one field of a list's query lives in the address. `read` answers undefined for a missing or unusable
 * value (the field keeps its default); `write` gives the address entries of a value.
 */
export interface QueryField<T> {
  read(raw: RawQuery, name: string): T | undefined;
  write(value: T, name: string): RawQuery;
  /** The address keys the field owns (its own name, unless it spreads over several). */
  keys(name: string): string[];
}

const single = <T>(read: (value: string) => T | undefined, write: (value: T) => string = String): QueryField<T> => ({
  read: (raw, name) => (raw[name] === undefined ? undefined : read(raw[name])),
  write: (value, name) => {
    const text = write(value);
    return text === '' ? {} : { [name]: text };
  },
  keys: (name) => [name],
});

/** Free text (a search); kept as typed, so the box shows it again after a reload. */
export const textField = (): QueryField<string> => single((value) => value);

/** One of a fixed set of values (a default of '' means "any"); anything else in the address is ignored. */
export const oneOfField = <T extends string>(values: readonly T[]): QueryField<T> =>
  single((value) => ((values as readonly string[]).includes(value) ? (value as T) : undefined));

/** A sort direction. */
export const sortOrderField = (): QueryField<'asc' | 'desc'> => oneOfField(['asc', 'desc'] as const);

/** A whole number of at least `min` (a page, a number of days). */
export const intField = (min = 1): QueryField<number> =>
  single((value) => {
    const n = Number(value);
    return /^-?\d+$/.test(value) && Number.isSafeInteger(n) && n >= min ? n : undefined;
  });

/** A `YYYY-MM-DD` day. */
export const dayField = (): QueryField<string> => single((value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined));

/**
 * Several on/off switches kept as one object (`{ po_out_of_date: 'true' }`), each its own address key; only the
 * values given count as on.
 */
export const switchesField = (switches: readonly { param: string; value: string }[]): QueryField<Record<string, string>> => ({
  read: (raw) => {
    const on = switches.filter((s) => raw[s.param] === s.value);
    return Object.fromEntries(on.map((s) => [s.param, s.value]));
  },
  write: (value) => Object.fromEntries(switches.filter((s) => value[s.param] === s.value).map((s) => [s.param, s.value])),
  keys: () => switches.map((s) => s.param),
});

export type QueryFields<Q> = { [K in keyof Q]?: QueryField<Q[K]> };

/** A list's query in the address and back: only the fields named, each left out while it has its default value. */
export interface QueryCodec<Q> {
  read(query: LocationQuery, prefix?: string): Q;
  write(value: Q, prefix?: string): RawQuery;
  /** Whether an address key belongs to this list. */
  owns(key: string, prefix?: string): boolean;
}

function firstString(value: LocationQuery[string] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

function sameEntries(a: RawQuery, b: RawQuery): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

export function queryCodec<Q extends object>(defaults: Q, fields: QueryFields<Q>): QueryCodec<Q> {
  const entries = Object.entries(fields) as [keyof Q & string, QueryField<unknown>][];
  const owned = new Set(entries.flatMap(([name, field]) => field.keys(name)));

  return {
    read(query, prefix = '') {
      const raw: RawQuery = {};
      for (const key of owned) {
        const value = firstString(query[`${prefix}${key}`]);
        if (value !== undefined) raw[key] = value;
      }
      const out = { ...defaults };
      for (const [name, field] of entries) {
        const value = field.read(raw, name);
        if (value !== undefined) out[name] = value as Q[typeof name];
      }
      return out;
    },
    write(value, prefix = '') {
      const out: RawQuery = {};
      for (const [name, field] of entries) {
        const written = field.write(value[name], name);
        if (sameEntries(written, field.write(defaults[name], name))) continue;
        for (const [key, text] of Object.entries(written)) out[`${prefix}${key}`] = text;
      }
      return out;
    },
    owns: (key, prefix = '') => key.startsWith(prefix) && owned.has(key.slice(prefix.length)),
  };
}
