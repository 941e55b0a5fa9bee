import ExcelJS from 'exceljs';
import { parseCsv, readTabular } from './tabular';

describe('tabular import reader', () => {
  it('parses quoted CSV fields with commas, doubled quotes and CRLF', () => {
    expect(parseCsv('nama,alamat\r\n"PT. A, Tbk","Jl. ""Merdeka"" 1"\r\nB,\n')).toEqual([
      ['nama', 'alamat'],
      ['PT. A, Tbk', 'Jl. "Merdeka" 1'],
      ['B', ''],
    ]);
  });

  it('detects semicolon-separated files', () => {
    expect(parseCsv('kode;nama;harga\nP-1;Baut, M8;1500,50')).toEqual([
      ['kode', 'nama', 'harga'],
      ['P-1', 'Baut, M8', '1500,50'],
    ]);
  });

  it('reads XLSX into header-keyed rows, skipping blank rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Parts');
    ws.addRow(['Kode', 'Nama', 'Harga']);
    ws.addRow(['P-1', 'Baut', 1500.5]);
    ws.addRow([]);
    ws.addRow(['P-2', 'Mur', 200]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await readTabular(buffer, 'parts.xlsx')).toEqual([
      { kode: 'P-1', nama: 'Baut', harga: '1500.5' },
      { kode: 'P-2', nama: 'Mur', harga: '200' },
    ]);
  });
});
