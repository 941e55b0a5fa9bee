import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorMessage } from '@/shared/lib/errors';

/** What a paged list store exposes about its last fetch. */
export interface ListStoreStatus {
  readonly error: unknown;
  readonly loading: boolean;
  readonly loaded: boolean;
  readonly items: readonly unknown[];
}

export interface ListState {
  /** The error sentence, or null when the last fetch did not fail. */
  errorText: ComputedRef<string | null>;
  /** Nothing to show yet: no rows and the first fetch (or a refetch) is under way. */
  showLoading: ComputedRef<boolean>;
  /** The fetch finished without error and found no rows. */
  showEmpty: ComputedRef<boolean>;
}

/** The error / loading / empty flags of a list page, for `<ListState>`. */
export function useListState(store: ListStoreStatus): ListState {
  const { t } = useI18n();
  return {
    errorText: computed(() => (store.error ? errorMessage(store.error, t) : null)),
    showLoading: computed(() => store.items.length === 0 && (store.loading || !store.loaded)),
    showEmpty: computed(() => !store.loading && !store.error && store.loaded && store.items.length === 0),
  };
}
