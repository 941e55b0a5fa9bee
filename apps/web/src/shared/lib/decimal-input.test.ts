import { describe, expect, it } from 'vitest';
import { decimalForApi, decimalInputText, relocaleDecimalText, typedDecimal } from './decimal-input';

describe('typedDecimal', () => {
  it('reads Indonesian numbers: dot for thousands, comma for decimals', () => {
    expect(typedDecimal('1.500.000,50', 'id')).toBe('1500000.50');
    expect(typedDecimal('12,5', 'id')).toBe('12.5');
    expect(typedDecimal('1500', 'id')).toBe('1500');
    expect(typedDecimal('1.500', 'id')).toBe('1500');
    expect(typedDecimal('1500000,50', 'id')).toBe('1500000.50');
    expect(typedDecimal(' -2.000,25 ', 'id')).toBe('-2000.25');
  });

  it('reads English numbers: comma for thousands, dot for decimals', () => {
    expect(typedDecimal('1,500,000.50', 'en')).toBe('1500000.50');
    expect(typedDecimal('12.5', 'en')).toBe('12.5');
    expect(typedDecimal('1,500', 'en')).toBe('1500');
    expect(typedDecimal('1.500', 'en')).toBe('1.500');
  });

  it("understands the other language's decimal separator only where it cannot be a thousands separator", () => {
    expect(typedDecimal('12.5', 'id')).toBe('12.5');
    expect(typedDecimal('45000.00', 'id')).toBe('45000.00');
    expect(typedDecimal('12,50', 'en')).toBe('12.50');
    // Three digits after it could be a thousands group in the other language: too ambiguous to guess.
    expect(typedDecimal('0.500', 'id')).toBeNull();
    expect(typedDecimal('1234,567', 'en')).toBeNull();
  });

  it('takes a leading plus as a positive number, once', () => {
    expect(typedDecimal('+5', 'id')).toBe('5');
    expect(typedDecimal('+1.500,5', 'id')).toBe('1500.5');
    expect(typedDecimal('+-5', 'en')).toBeNull();
    expect(typedDecimal('++5', 'en')).toBeNull();
  });

  it('drops a trailing decimal separator while the number is being typed', () => {
    expect(typedDecimal('12,', 'id')).toBe('12');
    expect(typedDecimal('12.', 'en')).toBe('12');
    expect(typedDecimal('12.', 'id')).toBe('12');
  });

  it('refuses malformed or ambiguous text', () => {
    for (const text of ['1.2.3,4,5', '12,5,0', '1,500.50', '1.50.000', '15.00.000', '1.5000.000', 'abc', '12a', 'Rp 1.500', '1 500', '', '-', ',5', '.5', '--1', '-+1']) {
      expect(typedDecimal(text, 'id'), text).toBeNull();
    }
    for (const text of ['1,2,3.4.5', '1.500,50', '1,50,000', 'abc', '']) {
      expect(typedDecimal(text, 'en'), text).toBeNull();
    }
  });

  it('without a locale reads only the API form, as before', () => {
    expect(typedDecimal('1500.50')).toBe('1500.50');
    expect(typedDecimal('12.')).toBe('12');
    expect(typedDecimal(7)).toBe('7');
    expect(typedDecimal('1,5')).toBeNull();
    expect(typedDecimal('1.500,5')).toBeNull();
    expect(typedDecimal(null)).toBeNull();
  });
});

describe('decimalForApi', () => {
  it('sends what the locale reads as the exact decimal string', () => {
    expect(decimalForApi(' 1.500,5 ', 'id')).toBe('1500.5');
    expect(decimalForApi('1,500.5', 'en')).toBe('1500.5');
    expect(decimalForApi('-2', 'id')).toBe('-2');
    expect(decimalForApi('45000.00', 'id')).toBe('45000.00');
  });

  it('sends unreadable text trimmed, as typed, for the validation to refuse', () => {
    expect(decimalForApi(' 1.2.3,4 ', 'id')).toBe('1.2.3,4');
    expect(decimalForApi('0.500', 'id')).toBe('0.500');
    expect(decimalForApi('1.500,5', 'en')).toBe('1.500,5');
    expect(decimalForApi('  ', 'en')).toBe('');
  });
});

describe('decimalInputText', () => {
  it('keeps API amounts as they are where the locale reads them the same', () => {
    expect(decimalInputText('45000.00', 'id')).toBe('45000.00');
    expect(decimalInputText('45000.00', 'en')).toBe('45000.00');
    expect(decimalInputText('1', 'id')).toBe('1');
  });

  it("uses the locale's decimal separator where the dot would be read as thousands", () => {
    expect(decimalInputText('1.500', 'id')).toBe('1,500');
    expect(decimalInputText('1.500', 'en')).toBe('1.500');
  });

  it('always reads back as the same value', () => {
    for (const value of ['0', '1', '12.5', '0.05', '1.500', '1500000.50', '-2000.25', '1234.567', '0.500', '7.1234']) {
      for (const locale of ['id', 'en'] as const) {
        expect(typedDecimal(decimalInputText(value, locale), locale), `${value} in ${locale}`).toBe(value);
      }
    }
  });

  it('passes anything that is not a decimal string through', () => {
    expect(decimalInputText('abc', 'id')).toBe('abc');
    expect(decimalInputText('', 'id')).toBe('');
  });
});

describe('relocaleDecimalText', () => {
  it('rewrites a typed amount for another language, keeping its value', () => {
    expect(relocaleDecimalText('1.500.000,50', 'id', 'en')).toBe('1500000.50');
    expect(relocaleDecimalText('1.500', 'id', 'en')).toBe('1500');
    expect(relocaleDecimalText('1,500', 'en', 'id')).toBe('1500');
    expect(relocaleDecimalText('1.500', 'en', 'id')).toBe('1,500');
    expect(relocaleDecimalText('1.2.3', 'id', 'en')).toBe('1.2.3');
  });
});
