import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import {
  httpBaseUrlProblem,
  IsOptionalNotNull,
  isDateOnly,
  isTimestamp,
  PRODUCTION_TYPE_NAME,
  textProblem,
  validateOdooDomain,
} from '../index';

class Probe {
  @IsOptionalNotNull()
  @IsString()
  name?: string;
}

describe('input rules', () => {
  it('finds text PostgreSQL cannot store', () => {
    expect(textProblem('fine 📦')).toBeNull();
    expect(textProblem('a\u0000b')).toBe('contains a NUL character');
    expect(textProblem('\ud800')).toBe('contains an unpaired UTF-16 surrogate');
    expect(textProblem('x\udc00')).toBe('contains an unpaired UTF-16 surrogate');
    expect(textProblem('\ud83d\udce6')).toBeNull();
  });

  it('lets an optional field be left out but not sent as null', () => {
    const errors = (plain: object) => validateSync(plainToInstance(Probe, plain)).map((e) => e.property);
    expect(errors({})).toEqual([]);
    expect(errors({ name: 'x' })).toEqual([]);
    expect(errors({ name: null })).toEqual(['name']);
  });

  it('refuses base URLs with credentials, a query or no host', () => {
    expect(httpBaseUrlProblem('https://odoo.example.com')).toBeNull();
    expect(httpBaseUrlProblem('http://127.0.0.1:4010/odoo')).toBeNull();
    expect(httpBaseUrlProblem('https://odoo.example.com/path@2')).toBeNull();
    expect(httpBaseUrlProblem('http://user:KEY@host')).toMatch(/must not contain a user name or password/);
    expect(httpBaseUrlProblem('http://@host')).toMatch(/must not contain a user name or password/);
    expect(httpBaseUrlProblem('https://odoo.example.com/?db=x')).toMatch(/no query string/);
    expect(httpBaseUrlProblem('ftp://odoo.example.com')).not.toBeNull();
    expect(httpBaseUrlProblem('http://exa mple.com')).not.toBeNull();
  });

  it('accepts real calendar dates and moments only', () => {
    expect(isDateOnly('2024-02-29')).toBe(true);
    expect(isDateOnly('2026-02-29')).toBe(false);
    expect(isDateOnly('2026-02-30')).toBe(false);
    expect(isDateOnly('0000-01-01')).toBe(false);
    expect(isTimestamp('2026-02-01')).toBe(true);
    expect(isTimestamp('2026-02-01T10:00:00.123Z')).toBe(true);
    expect(isTimestamp('2026-02-01T23:59:59+07:00')).toBe(true);
    expect(isTimestamp('2026-02-30T10:00:00Z')).toBe(false);
    expect(isTimestamp('2026-02-01T24:00:00Z')).toBe(false);
    expect(isTimestamp('2026-02-01T10:00:00+15:00')).toBe(false);
    expect(isTimestamp('2026-W05')).toBe(false);
  });

  it('does not take prototype keys for Odoo domain operators or production type names', () => {
    expect(validateOdooDomain(['&', ['state', '=', 'done'], ['name', '=', 'x']])).toBeNull();
    for (const token of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(validateOdooDomain([token, ['state', '=', 'done']])).toMatch(/is neither a term/);
    }
    expect(PRODUCTION_TYPE_NAME.test('liquid')).toBe(true);
    expect(PRODUCTION_TYPE_NAME.test('constructor')).toBe(false);
    expect(PRODUCTION_TYPE_NAME.test('prototype')).toBe(false);
    expect(PRODUCTION_TYPE_NAME.test('constructors')).toBe(true);
  });
});
