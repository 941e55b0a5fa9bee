import { CreateUserDto } from '@simpul/contracts';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatDuration, formatIDR, formatQty, formatUtcTimestamp, jakartaDayToIso, jakartaToday } from './format';
import { fieldsToMap, validateDto } from './validation';

describe('format helpers', () => {
  it('shows times in Asia/Jakarta', () => {
    // 17:30 UTC is 00:30 the next day in Jakarta (UTC+7)
    const text = formatDateTime('2025-03-01T17:30:00Z', 'en');
    expect(text).toContain('2 Mar 2025');
    expect(text).toContain('00:30');
  });

  it('formats decimal strings as Rupiah without float arithmetic', () => {
    expect(formatIDR('1250000', 'id').replace(/\s/g, ' ')).toBe('Rp 1.250.000');
    expect(formatIDR('1250000.5', 'id')).toContain('1.250.000,5');
    expect(formatIDR('not-a-number')).toBe('not-a-number');
  });

  it('turns a Jakarta calendar day into an ISO instant', () => {
    expect(jakartaDayToIso('2025-03-02')).toBe('2025-03-01T17:00:00.000Z');
    expect(jakartaDayToIso('2025-03-02', true)).toBe('2025-03-02T16:59:59.999Z');
    expect(jakartaDayToIso('')).toBeUndefined();
  });
});

describe('order and stock formats', () => {
  it('reads zone-less stock-move timestamps as UTC and shows them in Jakarta time', () => {
    const text = formatUtcTimestamp('2025-03-01 17:30:00', 'en');
    expect(text).toContain('2 Mar 2025');
    expect(text).toContain('00:30');
    expect(formatUtcTimestamp(null)).toBe('—');
  });

  it('shows an order date as that calendar day and today in Jakarta', () => {
    expect(formatDay('2025-03-01', 'en')).toBe('1 Mar 2025');
    expect(jakartaToday(new Date('2025-03-01T17:30:00Z'))).toBe('2025-03-02');
  });

  it('formats quantities without float arithmetic', () => {
    expect(formatQty('7.00', 'id')).toBe('7');
    expect(formatQty('1500.50', 'id')).toBe('1.500,5');
    expect(formatQty('-2.00', 'en')).toBe('-2');
  });
});

describe('form validation with the shared DTOs', () => {
  it('reports the same rules as the API', async () => {
    const errors = await validateDto(CreateUserDto, { email: 'nope', name: '', role: 'boss', password: 'short' });
    expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'password', 'role']);
    const valid = await validateDto(CreateUserDto, {
      email: 'ok@simpul.test',
      name: 'Ok',
      role: 'staff',
      password: 'long-enough',
    });
    expect(valid).toEqual({});
  });

  it('maps API field errors', () => {
    expect(fieldsToMap([{ field: 'email', messages: ['taken'] }])).toEqual({ email: ['taken'] });
  });

  it('formats run durations', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_400, 'en')).toBe('12.4 s');
    expect(formatDuration(12_400, 'id')).toBe('12,4 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
  });
});
