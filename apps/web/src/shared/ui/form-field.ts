/** What every labelled field takes (`FormField`, and the controls built on it). */
export interface FieldProps {
  /** The control's id; the hint and error get `<id>-hint` and `<id>-error`. */
  id: string;
  label: string;
  error?: string | null;
  hint?: string | null;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
  errorTestid?: string;
}

/** The ids of a field's hint and error (as `FormField` renders them), for its control's `aria-describedby`. */
export function describedBy(id: string, hint?: string | null, error?: string | null): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
