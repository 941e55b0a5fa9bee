const TYPED_DECIMAL = /^-?\d+(\.\d*)?$/;

/**
 * What a person typed into a money or quantity box, as an exact decimal string, or null when it is not a number
 * yet (empty, half-typed, letters). Only trims and drops a trailing dot; the DTO validation reports the rest.
 */
export function typedDecimal(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim().replace(/\.$/, '');
  return TYPED_DECIMAL.test(s) ? s : null;
}
