import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderListQueryDto } from '@simpul/contracts';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { OrderKindSpec } from './order-kinds';
import { orderPageSql } from './order-query';

const BATCH = 2000;
export const MAX_EXPORT_ROWS = 200_000;

/**
 * Streams the filtered order list as XLSX, a batch of rows at a time, so memory stays flat whatever the size. The
 * first batch is read before anything is sent: a query that fails then still gets its error envelope, instead of a
 * 200 whose download is cut off.
 */
@Injectable()
export class OrdersExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async write(spec: OrderKindSpec, query: OrderListQueryDto, res: Response): Promise<void> {
    let rows = await this.batch(spec, query, 0);
    const filename = `${spec.kind === 'sale' ? 'sale-orders' : 'purchase-orders'}-${new Date().toISOString().slice(0, 10)}.xlsx`;
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true });
    const sheet = workbook.addWorksheet(spec.label);
    sheet.columns = [
      { header: spec.kind === 'sale' ? 'Order number' : 'PO number', key: 'number', width: 22 },
      { header: 'Date', key: 'date', width: 12 },
      { header: 'Status', key: 'status', width: 12 },
      { header: spec.kind === 'sale' ? 'Customer' : 'Vendor', key: 'party', width: 32 },
      { header: 'Subtotal (IDR)', key: 'subtotal', width: 18, style: { numFmt: '#,##0.00' } },
      { header: 'Tax (IDR)', key: 'tax', width: 16, style: { numFmt: '#,##0.00' } },
      { header: 'Total (IDR)', key: 'total', width: 18, style: { numFmt: '#,##0.00' } },
      { header: 'Lines total (IDR)', key: 'lines_total', width: 18, style: { numFmt: '#,##0.00' } },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for (let offset = 0; offset < MAX_EXPORT_ROWS; offset += BATCH) {
      if (offset > 0) rows = await this.batch(spec, query, offset);
      for (const r of rows) {
        // Amounts go into numeric cells (Excel needs numbers to sum them); the database values have 2 decimals.
        sheet
          .addRow({
            number: r['order_number'],
            date: r['order_date'],
            status: r['status'],
            party: r['p_nama'],
            subtotal: Number(r['subtotal']),
            tax: Number(r['tax']),
            total: Number(r['total']),
            lines_total: Number(r['lines_total']),
          })
          .commit();
      }
      if (rows.length < BATCH) break;
    }
    sheet.commit();
    await workbook.commit();
  }

  private batch(spec: OrderKindSpec, query: OrderListQueryDto, offset: number): Promise<Record<string, string>[]> {
    const page = orderPageSql(spec, query, BATCH, offset);
    return this.dataSource.query(page.sql, page.params);
  }
}
