import { computed, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';

/** One column of a `DataTable`; `Sort` narrows `sort` to the fields the list's API takes (the contracts' allow-list). */
export interface DataColumn<Row, Sort extends string = string> {
  key: string;
  /** i18n key of the heading. */
  label: string;
  /** The API's sort field: a click on the heading sorts by it (any other field is a 400). */
  sort?: Sort;
  /** A number: right-aligned, digits of equal width. */
  num?: boolean;
  /** The cell's text, unless a `cell-<key>` slot renders it. */
  text?: (row: Row) => string;
  /** Classes of the column's cells. */
  cellClass?: string | ((row: Row) => string | Record<string, boolean> | undefined);
  /** Hidden until someone shows it with the column chooser. */
  hidden?: boolean;
  /** Always shown: the column chooser does not offer it. The first column always is. */
  required?: boolean;
  /**
   * Where a phone card shows it: on its heading line (`title`, then `badge`), in its foot beside the actions
   * (`amount`), or (by default) as a labelled line. `none` leaves it out of the card.
   */
  card?: 'title' | 'badge' | 'amount' | 'none';
  /** The heading is for screen readers only. */
  srOnlyLabel?: boolean;
}

const STORAGE_PREFIX = 'simpul.columns.';

function readHidden(id: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(`${STORAGE_PREFIX}${id}`) ?? 'null');
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : null;
  } catch {
    return null;
  }
}

function writeHidden(id: string, keys: string[]): void {
  try {
    localStorage.setItem(`${STORAGE_PREFIX}${id}`, JSON.stringify(keys));
  } catch {
    // Unavailable storage: the choice lasts until the page goes.
  }
}

/**
 * Which columns a list shows. With an `id`, the choice is remembered in localStorage (`simpul.columns.<id>`) for
 * the next visit; without one, every column shows except those hidden by default.
 */
export function useColumns<Row>(columns: MaybeRefOrGetter<readonly DataColumn<Row>[]>, id: MaybeRefOrGetter<string | undefined>) {
  const defaults = () => toValue(columns).filter((c) => c.hidden).map((c) => c.key);
  const load = () => {
    const key = toValue(id);
    return new Set((key ? readHidden(key) : null) ?? defaults());
  };
  const hidden = ref(load());
  watch(() => toValue(id), () => (hidden.value = load()));

  /** Columns the chooser offers: all but the first and the required ones. */
  const choosable = computed(() => toValue(columns).filter((c, i) => i > 0 && !c.required));
  const visible = computed(() => {
    const offered = new Set(choosable.value.map((c) => c.key));
    return toValue(columns).filter((c) => !offered.has(c.key) || !hidden.value.has(c.key));
  });

  function toggle(key: string): void {
    const next = new Set(hidden.value);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    hidden.value = next;
    const storageId = toValue(id);
    if (storageId) writeHidden(storageId, [...next]);
  }

  return { hidden, choosable, visible, toggle };
}
