import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

/**
 * The field may be left out, but when it is sent it is validated, `null` included. For fields that cannot be
 * cleared: `@IsOptional()` would let `null` through to the service (and to a NOT NULL column).
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL and URI encoders cannot take: a NUL character, or half of a UTF-16 surrogate pair (which has no
 * UTF-8 form). Returns the problem as a phrase ("contains a NUL character"), or null.
 */
export function textProblem(value: string): string | null {
  if (value.includes(NUL)) return 'contains a NUL character';
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate';
  return null;
}

/**
 * Names that reach an object's prototype instead of the object (`__proto__`, `constructor`, `prototype`) or name one
 * of Object.prototype's members, which class-transformer skips without a word (so `{"toString": 1}` would pass a
 * whitelist). No field of this API has such a name; input that uses one as a property name is refused.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/**
 * An http(s) base URL: scheme, host and an optional path, without credentials (`user:key@host` would put a secret
 * where it is shown and logged), query string or fragment.
 */
export const HTTP_BASE_URL = /^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/;

export function httpBaseUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !HTTP_BASE_URL.test(value)) {
    return typeof value === 'string' && /^https?:\/\/[^/?#]*@/.test(value)
      ? 'must not contain a user name or password (user:password@host); store credentials in their own fields'
      : 'must be an http(s) URL such as https://odoo.example.com (no query string)';
  }
  try {
    new URL(value);
    return null;
  } catch {
    return 'must be an http(s) URL such as https://odoo.example.com (no query string)';
  }
}

/** class-validator decorator for `httpBaseUrlProblem`. */
export function IsHttpBaseUrl(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHttpBaseUrl',
      validator: {
        validate: (value: unknown) => httpBaseUrlProblem(value) === null,
        defaultMessage: (args) => `${args?.property ?? 'value'} ${httpBaseUrlProblem(args?.value) ?? 'is invalid'}`,
      },
    },
    validationOptions,
  );
}
