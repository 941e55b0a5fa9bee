import { describe, expect, it } from 'vitest';
import { nextTick, reactive } from 'vue';
import { emptyLine, emptyOrderForm, type EditorLine } from './order-form';
import { useOrderTotals } from './useOrderTotals';

function line(qty: string, unit_price: string, discount = '0'): EditorLine {
  return { ...emptyLine(), qty, unit_price, discount };
}

describe('useOrderTotals', () => {
  it('computes line totals, subtotal and total live with exact decimals', async () => {
    const form = reactive(emptyOrderForm('sale'));
    const totals = useOrderTotals(form);
    expect(totals.linesTotal.value).toBe('0.00');
    expect(totals.total.value).toBe('0.00');

    form.product_lines.push(line('3', '0.10'), line('1', '0.20'));
    form.service_lines.push(line('2', '1500.25', '0.5'));
    await nextTick();

    expect(totals.lineTotal(form.product_lines[0] as EditorLine)).toBe('0.30');
    expect(totals.productTotal.value).toBe('0.50');
    expect(totals.serviceTotal.value).toBe('3000.00');
    expect(totals.linesTotal.value).toBe('3000.50');
    expect(totals.subtotal.value).toBe('3000.50');
    expect(totals.subtotalDiffers.value).toBe(false);

    form.tax = '0.1';
    expect(totals.total.value).toBe('3000.60');

    (form.product_lines[0] as EditorLine).qty = '4';
    expect(totals.linesTotal.value).toBe('3000.60');
    expect(totals.total.value).toBe('3000.70');
  });

  it('rounds half-up to 2 places like the server', () => {
    const form = reactive(emptyOrderForm('sale'));
    form.product_lines.push(line('0.5', '0.05')); // 0.025 -> 0.03
    const totals = useOrderTotals(form);
    expect(totals.linesTotal.value).toBe('0.03');
  });

  it('keeps a typed subtotal, warns when it differs from the lines and computes 11% PPN from it', () => {
    const form = reactive(emptyOrderForm('purchase'));
    form.product_lines.push(line('2', '500'));
    const totals = useOrderTotals(form);
    expect(totals.taxAt()).toBe('110.00');

    form.subtotalManual = true;
    form.subtotal = '1000.05';
    expect(totals.subtotal.value).toBe('1000.05');
    expect(totals.subtotalDiffers.value).toBe(true);
    // 1000.05 × 0.11 = 110.0055 -> 110.01
    expect(totals.taxAt()).toBe('110.01');
    form.tax = totals.taxAt() ?? '';
    expect(totals.total.value).toBe('1110.06');
    expect(totals.amounts.value).toEqual({ subtotal: '1000.05', tax: '110.01', total: '1110.06' });
  });

  it('reports half-typed numbers and discount problems instead of guessing', () => {
    const form = reactive(emptyOrderForm('sale'));
    const bad = line('abc', '100');
    const tooMuch = line('1', '100', '150');
    form.product_lines.push(bad, tooMuch);
    const totals = useOrderTotals(form);

    expect(totals.lineTotal(bad)).toBeNull();
    expect(totals.incomplete.value).toBe(true);
    expect(totals.lineProblem(tooMuch)?.field).toBe('discount');
    expect(totals.lineProblem(tooMuch)?.expected).toBe('100.00');

    form.subtotalManual = true;
    form.subtotal = '12,5,0';
    expect(totals.subtotal.value).toBeNull();
    expect(totals.total.value).toBeNull();
    expect(totals.amounts.value.subtotal).toBe('12,5,0'); // sent as typed, so validation names the field
  });

  it("reads amounts with the form's UI language separators", () => {
    const form = reactive(emptyOrderForm('sale', new Date(), 'id'));
    const priced = line('2', '1.500.000,50', '0,5');
    form.product_lines.push(priced);
    form.tax = '1.000';
    const totals = useOrderTotals(form);
    expect(totals.lineTotal(priced)).toBe('3000000.50');
    expect(totals.total.value).toBe('3001000.50');
    priced.discount = '3.000.002';
    expect(totals.lineProblem(priced)?.expected).toBe('3000001.00');

    const english = reactive(emptyOrderForm('sale', new Date(), 'en'));
    english.product_lines.push(line('1,000', '1.5'));
    expect(useOrderTotals(english).linesTotal.value).toBe('1500.00');
  });
});
