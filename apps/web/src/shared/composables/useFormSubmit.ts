import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError } from '@/shared/api/client';
import { errorMessage } from '@/shared/lib/errors';
import { constraintTranslator } from '@/shared/lib/translate-validation';
import { fieldsToMap, validateDto, type FieldErrors } from '@/shared/lib/validation';

/**
 * A form's errors and its one save at a time: `check` validates with the shared DTO class (messages in the UI
 * language), `submit` runs the save and turns a refusal into the API's field errors and sentence.
 */
export function useFormSubmit(named: Record<string, unknown> = {}) {
  const { t, te } = useI18n();
  const errors = ref<FieldErrors>({});
  const formError = ref<string | null>(null);
  const saving = ref(false);
  const translate = constraintTranslator(t, te, named);

  /** The first message for `field`, or null. */
  function fieldError(field: string): string | null {
    return errors.value[field]?.[0] ?? null;
  }

  /** Validates `dto` with the same class the API uses (`refine` adds the form's own rules); true when it may be sent. */
  async function check(dtoClass: new () => object, dto: object, refine?: (found: FieldErrors) => void): Promise<boolean> {
    const found = await validateDto(dtoClass, dto, translate);
    refine?.(found);
    errors.value = found;
    return Object.keys(found).length === 0;
  }

  /** Runs `save` unless one is under way; its result, or undefined when it was refused (see `errors`, `formError`). */
  async function submit<T>(save: () => Promise<T>): Promise<T | undefined> {
    if (saving.value) return undefined;
    saving.value = true;
    formError.value = null;
    try {
      return await save();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) errors.value = fieldsToMap(err.fields);
      formError.value = errorMessage(err, t);
      return undefined;
    } finally {
      saving.value = false;
    }
  }

  return { errors, formError, saving, fieldError, check, submit };
}
