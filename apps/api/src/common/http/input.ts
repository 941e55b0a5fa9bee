import { FieldError, PROTOTYPE_KEYS, textProblem } from '@simpul/contracts';
import * as express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sendError } from './exception.filter';
import { MAX_JSON_BYTES, MAX_JSON_DEPTH } from './limits';
import { validationErrorFromFields } from './validation';

/**
 * Whether a Content-Type names JSON (`application/json` or `application/*+json`) in UTF-8, the only body the API
 * parses as JSON (RFC 8259 §8.1). A charset other than UTF-8 is a 415, not a guess.
 */
export function isUtf8Json(contentType: string | undefined): boolean {
  const media = mediaType(contentType);
  if (!media || !(media.type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(media.type)))
    return false;
  return media.charset === null || media.charset === 'utf-8' || media.charset === 'utf8';
}

/** `type/subtype` lower-cased and the charset parameter, or null when there is no Content-Type. */
export function mediaType(contentType: string | undefined): { type: string; charset: string | null } | null {
  if (!contentType) return null;
  const [type = '', ...params] = contentType.split(';');
  const charset = params
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"(.*)"$/, '$1');
  return { type: type.trim().toLowerCase(), charset: charset ?? null };
}

/** Whether a request carries a body (RFC 9112 §6.3: a Transfer-Encoding, or a Content-Length above zero). */
export function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/** Whether raw JSON nests deeper than `max`, found by counting brackets outside strings, without parsing. */
export function jsonDepthExceeds(raw: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i] as number;
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      depth += 1;
      if (depth > max) return true;
    } else if (CLOSERS.has(byte)) {
      depth -= 1;
    }
  }
  return false;
}

/** The JSON body parser: UTF-8 JSON only, at most MAX_JSON_BYTES, nested at most MAX_JSON_DEPTH deep. */
export function jsonBodyParser(): RequestHandler {
  return express.json({
    limit: MAX_JSON_BYTES,
    type: (req) => isUtf8Json((req as Request).headers['content-type']),
    verify: (_req, _res, raw) => {
      if (jsonDepthExceeds(raw, MAX_JSON_DEPTH)) {
        throw Object.assign(new Error('JSON nested too deep'), { status: 400, type: 'entity.too.deep' });
      }
    },
  });
}

/**
 * Refuses, as a 400 naming the place, input no handler can use: a NUL anywhere in the URL, text PostgreSQL cannot
 * store (NUL, unpaired surrogates) in a query value or anywhere in a JSON body, and prototype keys (`__proto__`,
 * `constructor`, `prototype`) as query parameter or body property names.
 */
export function inputGuard(req: Request, res: Response, next: NextFunction): void {
  const problems = urlProblems(req);
  if (problems.length === 0 && req.body !== undefined) problems.push(...valueProblems(req.body));
  if (problems.length === 0) return next();
  sendError(validationErrorFromFields(problems), req, res);
}

function urlProblems(req: Request): FieldError[] {
  if (/%00/i.test(req.originalUrl)) return [{ field: 'url', messages: ['url contains a NUL character (%00)'] }];
  const problems: FieldError[] = [];
  for (const [key, value] of Object.entries(req.query as Record<string, unknown>)) {
    if (PROTOTYPE_KEYS.has(key)) problems.push({ field: key, messages: [`query parameter ${key} is not allowed`] });
    for (const v of ([] as unknown[]).concat(value)) {
      const problem = typeof v === 'string' ? textProblem(v) : null;
      if (problem) problems.push({ field: key, messages: [`${key} ${problem}`] });
    }
  }
  return problems;
}

/** Walks a parsed JSON body (its depth is already bounded) without recursion. */
function valueProblems(root: unknown): FieldError[] {
  const problems: FieldError[] = [];
  const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  const stack: Array<[unknown, string]> = [[root, '']];
  while (stack.length > 0 && problems.length < 20) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) problems.push({ field: path || 'body', messages: [`${path || 'body'} ${problem}`] });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, at(path, i)]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const keyProblem = PROTOTYPE_KEYS.has(key) ? 'is not an allowed property name' : textProblem(key);
        if (keyProblem)
          problems.push({ field: at(path, key), messages: [`property ${JSON.stringify(key)} ${keyProblem}`] });
        else stack.push([item, at(path, key)]);
      }
    }
  }
  return problems;
}
