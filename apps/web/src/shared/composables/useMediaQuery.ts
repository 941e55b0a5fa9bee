import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

/** Below this width lists show cards instead of table rows (a phone held upright). */
export const PHONE_MEDIA_QUERY = '(max-width: 639px)';

/** Whether `query` matches now, kept up to date while the calling component lives. False where there is no window. */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const matches = ref(false);
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return matches;
  const list = window.matchMedia(query);
  matches.value = list.matches;
  const onChange = (event: MediaQueryListEvent) => {
    matches.value = event.matches;
  };
  list.addEventListener('change', onChange);
  if (getCurrentScope()) onScopeDispose(() => list.removeEventListener('change', onChange));
  return matches;
}
