import { expectedLineTotal, headerProblems, lineProblems, sumLineTotals } from '../index';

describe('order math', () => {
  it('computes line totals exactly, without float drift', () => {
    expect(expectedLineTotal({ qty: 3, unit_price: 0.1, discount: 0 })).toBe('0.30');
    expect(expectedLineTotal({ qty: '1.5', unit_price: '0.33', discount: 0 })).toBe('0.50');
    expect(expectedLineTotal({ qty: 1, unit_price: 300000, discount: 50000 })).toBe('250000.00');
  });

  it('names the field and the expected value on a mismatch', () => {
    expect(lineProblems({ qty: 2, unit_price: 500000, discount: 0, line_total: 999999 }, 'product_lines.0')).toEqual([
      {
        field: 'product_lines.0.line_total',
        expected: '1000000.00',
        message: 'product_lines.0.line_total must equal qty × unit_price − discount = 1000000.00',
      },
    ]);
    expect(lineProblems({ qty: 2, unit_price: 500000, discount: 0, line_total: '1000000.00' })).toEqual([]);
  });

  it('refuses a discount larger than the line', () => {
    expect(lineProblems({ qty: 1, unit_price: 10, discount: 11, line_total: -1 })[0]?.field).toBe('discount');
  });

  it('checks total = subtotal + tax', () => {
    expect(headerProblems({ subtotal: 1500000, tax: 150000, total: 1650000 })).toEqual([]);
    expect(headerProblems({ subtotal: 1500000, tax: 150000, total: 1600000 })[0]?.expected).toBe('1650000.00');
    expect(sumLineTotals([{ line_total: '0.10' }, { line_total: 0.2 }])).toBe('0.30');
  });
});
