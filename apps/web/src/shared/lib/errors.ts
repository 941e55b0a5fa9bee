import { ApiError } from '@/shared/api/client';

type Translate = (key: string) => string;

/** The sentence to show for a failure: the API's own sentence when there is one. */
export function errorMessage(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    if (err.isNetworkError) return t('errors.network');
    if (err.status === 429 && !err.message) return t('errors.throttled');
    return err.message || t('errors.unexpected');
  }
  return t('errors.unexpected');
}
