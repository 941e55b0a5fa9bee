import { describe, expect, it } from 'vitest';
import { customer, part, saleOrder, saleProductLine, uuid } from '@/shared/test/order-fixtures';
import {
  applyParty,
  applyPickedItem,
  emptyLine,
  emptyOrderForm,
  formFingerprint,
  formFromOrder,
  orderSummary,
  setNumberLocale,
  toCreateDto,
  type EditorLine,
} from './order-form';

const NOW = new Date('2025-03-01T03:00:00Z');

/** A loaded draft with one part line. */
function loadedOrder() {
  return saleOrder({
    subtotal: '3000001.00',
    lines_total: '3000001.00',
    tax: '330000.11',
    total: '3330001.11',
    product_lines: [saleProductLine()],
  });
}

function firstLine(lines: EditorLine[]): EditorLine {
  const line = lines[0];
  if (!line) throw new Error('missing line');
  return line;
}

describe('amounts in the UI language', () => {
  it('sends what was typed in Indonesian as API decimals', () => {
    const form = emptyOrderForm('sale', NOW, 'id');
    applyParty(form, customer);
    const line = emptyLine();
    applyPickedItem(line, { id: part(1).id, nama: 'Part 1', harga: '1500000.50' }, 'id');
    line.qty = '2';
    line.discount = '0,50';
    form.product_lines.push(line);
    form.tax = '1.000';

    const dto = toCreateDto('sale', form, orderSummary(form).amounts);

    expect(dto.product_lines?.[0]).toMatchObject({ qty: '2', unit_price: '1500000.50', discount: '0.50', line_total: '3000000.50' });
    expect(dto).toMatchObject({ subtotal: '3000000.50', tax: '1000.00', total: '3001000.50' });
  });

  it('passes malformed amounts through as typed so validation names the field', () => {
    const form = emptyOrderForm('sale', NOW, 'id');
    form.product_lines.push({ ...emptyLine(), qty: '1.2.3,4,5', unit_price: '10' });
    form.tax = '12,5,0';
    const dto = toCreateDto('sale', form, orderSummary(form).amounts);
    expect(dto.product_lines?.[0]).toMatchObject({ qty: '1.2.3,4,5', line_total: '' });
    expect(dto.tax).toBe('12,5,0');
  });

  it("keeps a picked item's price following the item when the typed price equals the old one", () => {
    const line = emptyLine();
    applyPickedItem(line, { id: uuid(1), nama: 'A', harga: '1500.00' }, 'id');
    line.unit_price = '1.500'; // the same price, typed the Indonesian way
    applyPickedItem(line, { id: uuid(2), nama: 'B', harga: '2000.00' }, 'id');
    expect(line.unit_price).toBe('2000.00');
  });

  it('moves typed amounts to the new separators when the language changes', () => {
    const form = emptyOrderForm('sale', NOW, 'id');
    form.product_lines.push({ ...emptyLine(), qty: '1,5', unit_price: '1.500.000', discount: 'abc' });
    form.subtotalManual = true;
    form.subtotal = '2.250.000,00';
    form.tax = '0';
    const before = orderSummary(form);

    setNumberLocale(form, 'en');

    expect(form.numberLocale).toBe('en');
    expect(firstLine(form.product_lines)).toMatchObject({ qty: '1.5', unit_price: '1500000', discount: 'abc' });
    expect(form.subtotal).toBe('2250000.00');
    expect(orderSummary(form)).toEqual(before);
  });
});

describe('formFingerprint (unsaved changes)', () => {
  it('is unchanged for a form that was only loaded', () => {
    expect(formFingerprint(formFromOrder(loadedOrder(), 'id'))).toBe(formFingerprint(formFromOrder(loadedOrder(), 'id')));
    expect(formFingerprint(emptyOrderForm('purchase', NOW))).toBe(formFingerprint(emptyOrderForm('purchase', NOW)));
  });

  it('sees edits to the header, the party, lines and amounts', () => {
    const clean = formFingerprint(formFromOrder(loadedOrder(), 'id'));
    const edits: ((f: ReturnType<typeof formFromOrder>) => void)[] = [
      (f) => (f.number = 'SO-2'),
      (f) => (f.order_date = '2025-03-02'),
      (f) => applyParty(f, { ...customer, id: uuid(102) }),
      (f) => (f.keterangan = 'Urgent'),
      (f) => (f.tax = '0'),
      (f) => (firstLine(f.product_lines).qty = '3'),
      (f) => (firstLine(f.product_lines).description = 'Other'),
      (f) => (firstLine(f.product_lines).hpp = '100'),
      (f) => (firstLine(f.product_lines).unit_price = 'abc'),
      (f) => f.product_lines.push(emptyLine()),
      (f) => f.product_lines.splice(0, 1),
      (f) => f.service_lines.push(emptyLine()),
      (f) => {
        f.subtotalManual = true;
        f.subtotal = '1';
      },
    ];
    for (const [i, edit] of edits.entries()) {
      const form = formFromOrder(loadedOrder(), 'id');
      edit(form);
      expect(formFingerprint(form), `edit ${i}`).not.toBe(clean);
    }
  });

  it('ignores what would not change the saved order', () => {
    const clean = formFingerprint(formFromOrder(loadedOrder(), 'id'));
    const form = formFromOrder(loadedOrder(), 'id');
    const line = firstLine(form.product_lines);
    line.qty = '2'; // was 2.00
    line.unit_price = '1.500.000,5';
    line.discount = '';
    form.tax = '330.000,11';
    form.keterangan = '  ';
    expect(formFingerprint(form)).toBe(clean);

    line.qty = '3';
    expect(formFingerprint(form)).not.toBe(clean);
    line.qty = '2,0';
    expect(formFingerprint(form)).toBe(clean); // edited back
  });

  it('does not count a change of UI language as an edit', () => {
    const form = formFromOrder(loadedOrder(), 'id');
    firstLine(form.product_lines).unit_price = '1.500.000,50';
    const clean = formFingerprint(form);
    setNumberLocale(form, 'en');
    expect(formFingerprint(form)).toBe(clean);
  });
});
