import type { ConstraintTranslator } from './validation';

type T = (key: string, named?: Record<string, unknown>) => string;
type Te = (key: string) => boolean;

/** Shows class-validator constraints (from the shared DTOs) in the UI language, falling back to the DTO's sentence. */
export function constraintTranslator(t: T, te: Te, named: Record<string, unknown> = {}): ConstraintTranslator {
  return (constraint, message) => {
    const key = `validation.${constraint}`;
    return te(key) ? t(key, named) : message;
  };
}
