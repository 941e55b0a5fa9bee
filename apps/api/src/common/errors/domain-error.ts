/**
 * What went wrong, in HTTP-neutral words. Each feature's error class maps its codes to a kind;
 * the exception filter maps kinds to status codes, in one place.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'upstream_failed'
  | 'upstream_timeout';

export abstract class DomainError<Code extends string = string> extends Error {
  abstract readonly kind: ErrorKind;

  protected constructor(
    readonly code: Code,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Builds a feature's error class from its code → kind table, so each feature declares only that table. */
export function defineDomainError<Code extends string>(name: string, kinds: Record<Code, ErrorKind>) {
  const ErrorClass = class extends DomainError<Code> {
    readonly kind: ErrorKind;
    constructor(code: Code, message: string, details?: Record<string, unknown>) {
      super(code, message, details);
      this.kind = kinds[code];
      this.name = name;
    }
  };
  Object.defineProperty(ErrorClass, 'name', { value: name });
  return ErrorClass;
}
