import { describe, expect, it } from 'vitest';
import { part, service } from '@/shared/test/order-fixtures';
import { createDto, initialFormValues, relocaleFormValues, updateDto } from './form-values';
import { MASTER_CONFIGS } from './resources';

const partFields = MASTER_CONFIGS.parts.fields;
const partEditFields = partFields.filter((f) => !f.createOnly);
const serviceFields = MASTER_CONFIGS.services.fields;

describe('master-data form values', () => {
  it("shows a record's amounts so that the UI language reads them back as the same value", () => {
    const values = initialFormValues(partFields, part(1, { harga: '1.500', stock: '12.50', po_number: null }), 'id');
    // `1.500` would read as fifteen hundred in Indonesian: shown with the decimal comma instead.
    expect(values).toMatchObject({ kode: 'P-1', harga: '1,500', stock: '12.50', po_number: '' });
    expect(initialFormValues(partFields, part(1, { harga: '1.500' }), 'en')['harga']).toBe('1.500');
    expect(initialFormValues(partFields, null, 'id')).toMatchObject({ harga: '', stock: '0', unit: 'pcs' });
  });

  it('creates with canonical decimal strings from Indonesian separators', () => {
    const values = { ...initialFormValues(partFields, null, 'id'), kode: ' P-9 ', nama: 'Seal', harga: '1.500.000,50', stock: '2,5' };
    expect(createDto(partFields, values, 'id')).toEqual({ kode: 'P-9', nama: 'Seal', harga: '1500000.50', stock: '2.5', unit: 'pcs' });
  });

  it('creates with canonical decimal strings from English separators', () => {
    const values = { nama: 'Tune-up', harga: '1,250,000.75' };
    expect(createDto(serviceFields, values, 'en')).toEqual({ nama: 'Tune-up', harga: '1250000.75' });
  });

  it('leaves out empty optional amounts and sends unreadable ones as typed', () => {
    const values = { ...initialFormValues(partFields, null, 'id'), kode: 'P-9', nama: 'Seal', harga: '1.2.3,4', stock: '' };
    expect(createDto(partFields, values, 'id')).toEqual({ kode: 'P-9', nama: 'Seal', harga: '1.2.3,4', unit: 'pcs' });
  });

  it('updates only amounts whose value changed', () => {
    const record = part(1, { harga: '1500000.50' });
    const untouched = initialFormValues(partEditFields, record, 'id');
    expect(updateDto(partEditFields, untouched, record, 'id')).toEqual({});

    // Same value in the other notation: nothing to send.
    expect(updateDto(partEditFields, { ...untouched, harga: '1.500.000,5' }, record, 'id')).toEqual({});

    expect(updateDto(partEditFields, { ...untouched, harga: '1.750.000,25' }, record, 'id')).toEqual({ harga: '1750000.25' });
    expect(updateDto(serviceFields, { nama: 'Service 1', harga: '300,000' }, service(1), 'en')).toEqual({ harga: '300000' });
  });

  it('sends an unreadable or emptied amount on update so the validation refuses it', () => {
    const record = part(1, { harga: '0.50' });
    const values = initialFormValues(partEditFields, record, 'id');
    // Ambiguous in Indonesian (0.500 could be five hundred): not taken for the record's 0.50.
    expect(updateDto(partEditFields, { ...values, harga: '0.500' }, record, 'id')).toEqual({ harga: '0.500' });
    expect(updateDto(partEditFields, { ...values, harga: ' ' }, record, 'id')).toEqual({ harga: '' });
    expect(updateDto(partEditFields, { ...values, po_number: 'PO-1' }, record, 'id')).toEqual({ po_number: 'PO-1' });
  });

  it('rewrites typed amounts for another UI language, keeping their values and leaving text alone', () => {
    const values = { kode: '1.500', nama: 'Seal', harga: '1.500.000,50', unit: 'pcs', stock: '1.2.3', po_number: '' };
    relocaleFormValues(partFields, values, 'id', 'en');
    expect(values).toEqual({ kode: '1.500', nama: 'Seal', harga: '1500000.50', unit: 'pcs', stock: '1.2.3', po_number: '' });
  });
});
