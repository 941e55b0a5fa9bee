import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { useSearchBox, type SearchBox } from './useSearchBox';

function mountBox(initial: string) {
  const searched: string[] = [];
  let box: SearchBox | null = null;
  const wrapper = mount(
    defineComponent({
      setup() {
        box = useSearchBox(initial, (q) => searched.push(q));
        return () => h('div');
      },
    }),
  );
  if (!box) throw new Error('not set up');
  return { wrapper, box: box as SearchBox, searched };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useSearchBox', () => {
  it('keeps the text as typed and searches once, trimmed, when typing pauses', () => {
    vi.useFakeTimers();
    const { box, searched } = mountBox('seal');
    expect(box.text.value).toBe('seal');

    box.onInput('o');
    box.onInput(' o-ring ');
    expect(box.text.value).toBe(' o-ring ');
    vi.advanceTimersByTime(299);
    expect(searched).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(searched).toEqual(['o-ring']);
  });

  it('drops a pending search when the component goes away', () => {
    vi.useFakeTimers();
    const { wrapper, box, searched } = mountBox('');
    box.onInput('seal');
    wrapper.unmount();
    vi.advanceTimersByTime(1000);
    expect(searched).toEqual([]);
  });

  it('clears the text and drops a pending search', () => {
    vi.useFakeTimers();
    const { box, searched } = mountBox('seal');
    box.onInput('o-ring');
    box.clear();
    expect(box.text.value).toBe('');
    vi.advanceTimersByTime(1000);
    expect(searched).toEqual([]);
  });
});
