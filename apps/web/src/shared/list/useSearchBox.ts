import { onBeforeUnmount, ref, type Ref } from 'vue';
import { debounce } from '@/shared/lib/debounce';

export interface SearchBox {
  /** The box's text as typed. */
  text: Ref<string>;
  /** For each keystroke: keeps the text and searches once typing pauses. */
  onInput(value: string): void;
  /** Empties the box and drops a pending search (the caller resets the list itself). */
  clear(): void;
  /** Drops a pending search, keeping the text. */
  cancel(): void;
}

/** A list's search box: `search` gets the trimmed text 300 ms after the last keystroke; unmounting drops a pending one. */
export function useSearchBox(initial: string, search: (q: string) => void): SearchBox {
  const text = ref(initial);
  const run = debounce((value: string) => search(value.trim()), 300);
  onBeforeUnmount(() => run.cancel());
  return {
    text,
    onInput(value: string): void {
      text.value = value;
      run(value);
    },
    clear(): void {
      run.cancel();
      text.value = '';
    },
    cancel: () => run.cancel(),
  };
}
