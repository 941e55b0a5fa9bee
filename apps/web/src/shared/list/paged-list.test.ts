import { pageMeta, type Page } from '@simpul/contracts';
import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { usePagedFetch, usePagedList } from './paged-list';

interface Query {
  q: string;
  page: number;
  limit: number;
}

const page = (items: string[], n = 1, pages = 3): Page<string> => ({ items, meta: pageMeta(n, 20, pages * 20) });

describe('usePagedFetch', () => {
  it('keeps only the newest answer, and drops the error of an outdated one', async () => {
    const answers: { resolve(p: Page<string>): void; reject(e: unknown): void }[] = [];
    const list = usePagedFetch(
      () => new Promise<Page<string>>((resolve, reject) => answers.push({ resolve, reject })),
      ref(1),
      20,
    );
    expect(list.meta.value).toEqual({ page: 1, limit: 20, total: 0, pages: 1 });

    const first = list.fetch();
    const second = list.fetch();
    answers[1]?.resolve(page(['new']));
    await second;
    answers[0]?.resolve(page(['old']));
    await first;
    expect(list.items.value).toEqual(['new']);
    expect(list.loaded.value).toBe(true);
    expect(list.loading.value).toBe(false);

    const third = list.fetch();
    const fourth = list.fetch();
    answers[2]?.reject(new Error('too late'));
    await third;
    expect(list.loading.value).toBe(true); // the newest is still out
    answers[3]?.resolve(page(['newest']));
    await fourth;
    expect(list.items.value).toEqual(['newest']);
    expect(list.error.value).toBeNull();
    expect(list.loading.value).toBe(false);
  });

  it('shows a saved record in place, unless a fetch under way may have read it before the save: then reads again', async () => {
    const answers: ((p: Page<string>) => void)[] = [];
    const list = usePagedFetch(() => new Promise<Page<string>>((resolve) => answers.push(resolve)), ref(1), 20);
    const loaded = list.fetch();
    answers[0]?.(page(['a', 'b old', 'c']));
    await loaded;

    await list.replaceItem((r) => r.startsWith('b'), 'b saved');
    expect(list.items.value).toEqual(['a', 'b saved', 'c']);
    expect(answers).toHaveLength(1);

    // A search started before the next save answers after it, with the row as it was before.
    const searching = list.fetch();
    const replaced = list.replaceItem((r) => r.startsWith('b'), 'b saved again');
    answers[1]?.(page(['b saved']));
    answers[2]?.(page(['b saved again']));
    await Promise.all([searching, replaced]);
    expect(answers).toHaveLength(3);
    expect(list.items.value).toEqual(['b saved again']);
  });

  it('records the error of the newest fetch and clears it on the next', async () => {
    let fail = true;
    const list = usePagedFetch(async () => {
      if (fail) throw new Error('down');
      return page(['a']);
    }, ref(1), 20);
    await list.fetch();
    expect((list.error.value as Error).message).toBe('down');
    expect(list.loading.value).toBe(false);
    expect(list.loaded.value).toBe(false);
    fail = false;
    await list.fetch();
    expect(list.error.value).toBeNull();
    expect(list.items.value).toEqual(['a']);
  });

  it('keeps goToPage within the pages of the last answer; fetchFirstPage goes back to 1', async () => {
    const current = ref(1);
    const asked: number[] = [];
    const list = usePagedFetch(async () => {
      asked.push(current.value);
      return page([], current.value, 3);
    }, current, 20);
    await list.fetch();
    await list.goToPage(9);
    await list.goToPage(0);
    await list.goToPage(2);
    await list.fetchFirstPage();
    expect(asked).toEqual([1, 3, 1, 2, 1]);
  });
});

describe('usePagedList', () => {
  it('goes back to page 1 on a query change unless the patch names a page, and resets to the defaults', async () => {
    const asked: Query[] = [];
    const defaults: Query = { q: '', page: 1, limit: 20 };
    const list = usePagedList(async (query: Query) => {
      asked.push({ ...query });
      return page(['row'], query.page, 5);
    }, defaults);

    await list.fetch();
    await list.goToPage(4);
    await list.setQuery({ q: 'seal' });
    await list.setQuery({ page: 2 });
    expect(asked.map((q) => [q.q, q.page])).toEqual([
      ['', 1],
      ['', 4],
      ['seal', 1],
      ['seal', 2],
    ]);

    list.reset();
    expect(list.query).toEqual(defaults);
    expect(list.items.value).toEqual([]);
    expect(list.loaded.value).toBe(false);
    expect(defaults).toEqual({ q: '', page: 1, limit: 20 }); // the defaults were copied, not changed
  });
});
