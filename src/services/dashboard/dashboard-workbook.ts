import ExcelJS from 'exceljs';
import { formatVn } from '../../domain/calendar/plain-date';
import type { DistributionResult, RankingResult } from './dashboard-ranking';
import type { TrendResult } from './dashboard-trend';
import type { Rate } from './rates';

/**
 * The data behind each dashboard chart as an Excel sheet: numbers stay numbers (a rate is the exact
 * fraction numerator/denominator in a percent format, so Excel shows 98,07 % in a Vietnamese
 * locale and can compute with it), headers in Vietnamese, the title and the window on top.
 */

export interface XlsxFile {
  fileName: string;
  buffer: Buffer;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const PERCENT = '0.00%';
const INTEGER = '#,##0';
const DATE = 'dd/mm/yyyy';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function newSheet(name: string, title: string, subtitle: string[]): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCHC';
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([title]).font = { bold: true, size: 13 };
  for (const line of subtitle) sheet.addRow([line]).font = { italic: true };
  sheet.addRow([]);
  return { workbook, sheet };
}

function headerRow(sheet: ExcelJS.Worksheet, values: Array<string | null>): ExcelJS.Row {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  return row;
}

/** The exact rate (numerator/denominator) or an empty cell when nothing was counted. */
const rateCell = (rate: Rate): number | null => (rate.denominator === 0 ? null : rate.numerator / rate.denominator);

/** A date as Excel's own date (midnight UTC, so no zone shifts the day). */
const excelDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function formatColumns(sheet: ExcelJS.Worksheet, formats: Array<{ width: number; numFmt?: string }>, firstDataRow: number): void {
  formats.forEach((format, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = format.width;
    if (!format.numFmt) return;
    column.eachCell((cell, rowNumber) => {
      if (rowNumber >= firstDataRow) cell.numFmt = format.numFmt!;
    });
  });
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber >= firstDataRow) row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN));
  });
}

async function finish(workbook: ExcelJS.Workbook, fileName: string): Promise<XlsxFile> {
  return { fileName, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '');
const windowLine = (from: string, to: string) => `Số liệu từ ngày ${formatVn(from)} đến ngày ${formatVn(to)}`;
const RULE_NOTE = 'Tỷ lệ = tử số / mẫu số (docs/metrics.md); ô trống: mẫu số bằng 0.';

export async function trendWorkbook(result: TrendResult): Promise<XlsxFile> {
  const first = result.points[0];
  const last = result.points.at(-1);
  const { workbook, sheet } = newSheet('Xu hướng', `Xu hướng các chỉ tiêu chính — ${result.unit.name} (gồm đơn vị trực thuộc)`, [
    first && last ? `${first.label} – ${last.label}; chốt số liệu: ${result.rule}` : `Chốt số liệu: ${result.rule}`,
    RULE_NOTE,
  ]);
  const top = headerRow(sheet, ['Kỳ', 'Từ ngày', 'Đến ngày', 'Hồ sơ tiếp nhận', 'Hồ sơ đã giải quyết', ...result.rates.flatMap((r) => [r.label, null, null])]);
  const sub = headerRow(sheet, [null, null, null, null, null, ...result.rates.flatMap((r) => ['Tỷ lệ', r.numerator, r.denominator])]);
  for (let c = 1; c <= 5; c += 1) sheet.mergeCells(top.number, c, sub.number, c);
  result.rates.forEach((_, i) => sheet.mergeCells(top.number, 6 + i * 3, top.number, 8 + i * 3));
  sub.height = 45;
  for (const point of result.points) {
    sheet.addRow([
      point.running ? `${point.label} (chưa hết kỳ)` : point.label,
      excelDate(point.from),
      excelDate(point.to),
      point.received,
      point.resolved,
      ...result.rates.flatMap((r) => {
        const rate = point.rates[r.key as keyof typeof point.rates];
        return [rateCell(rate), rate.numerator, rate.denominator];
      }),
    ]);
  }
  formatColumns(
    sheet,
    [
      { width: 26 },
      { width: 12, numFmt: DATE },
      { width: 12, numFmt: DATE },
      { width: 12, numFmt: INTEGER },
      { width: 12, numFmt: INTEGER },
      ...result.rates.flatMap(() => [{ width: 11, numFmt: PERCENT }, { width: 14, numFmt: INTEGER }, { width: 14, numFmt: INTEGER }]),
    ],
    sub.number + 1,
  );
  sheet.views = [{ state: 'frozen', ySplit: sub.number, xSplit: 1 }];
  return finish(workbook, `xu-huong-${slug(result.unit.code)}-${result.kind}-${slug(last?.id ?? '')}.xlsx`);
}

export async function rankingWorkbook(result: RankingResult): Promise<XlsxFile> {
  const { workbook, sheet } = newSheet('Xếp hạng', `Xếp hạng các đơn vị trực thuộc ${result.unit.name} theo ${result.rate.label.toLowerCase()}`, [
    `${result.period.label}. ${windowLine(result.period.from, result.period.to)}; chốt số liệu: ${result.rule}`,
    RULE_NOTE,
  ]);
  const header = headerRow(sheet, ['Hạng', 'Mã đơn vị', 'Tên đơn vị', result.rate.label, result.rate.numerator, result.rate.denominator, 'Hồ sơ tiếp nhận', 'Hồ sơ đã giải quyết']);
  header.height = 45;
  for (const item of result.items) {
    sheet.addRow([item.rank, item.unit.code, item.unit.name, rateCell(item.rate), item.rate.numerator, item.rate.denominator, item.received, item.resolved]);
  }
  formatColumns(
    sheet,
    [
      { width: 7, numFmt: INTEGER },
      { width: 11 },
      { width: 32 },
      { width: 14, numFmt: PERCENT },
      { width: 18, numFmt: INTEGER },
      { width: 18, numFmt: INTEGER },
      { width: 12, numFmt: INTEGER },
      { width: 12, numFmt: INTEGER },
    ],
    header.number + 1,
  );
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return finish(workbook, `xep-hang-${slug(result.unit.code)}-${slug(result.period.id)}-${result.rate.key}.xlsx`);
}

export async function distributionWorkbook(result: DistributionResult): Promise<XlsxFile> {
  const { workbook, sheet } = newSheet('Phân bố', `Phân bố ${result.rate.label.toLowerCase()} của ${result.unitCount} đơn vị trực thuộc ${result.unit.name}`, [
    `${result.period.label}. ${windowLine(result.period.from, result.period.to)}; chốt số liệu: ${result.rule}`,
    'Mỗi khoảng gồm cận dưới, không gồm cận trên (khoảng cuối gồm 100%).',
  ]);
  const header = headerRow(sheet, ['Khoảng tỷ lệ', 'Từ (%)', 'Đến (%)', 'Số đơn vị', 'Tỷ trọng', 'Các đơn vị']);
  const total = result.unitCount;
  for (const bucket of result.buckets) {
    sheet.addRow([
      bucket.label,
      bucket.from,
      bucket.to,
      bucket.count,
      total === 0 ? null : bucket.count / total,
      bucket.units.map((u) => u.name).join('; '),
    ]);
  }
  formatColumns(
    sheet,
    [{ width: 16 }, { width: 8, numFmt: INTEGER }, { width: 8, numFmt: INTEGER }, { width: 10, numFmt: INTEGER }, { width: 10, numFmt: PERCENT }, { width: 80 }],
    header.number + 1,
  );
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return finish(workbook, `phan-bo-${slug(result.unit.code)}-${slug(result.period.id)}-${result.rate.key}.xlsx`);
}

/** A plain table (a chart whose data the browser already holds, such as report completeness). */
export interface TableInput {
  title: string;
  subtitle?: string[];
  sheetName?: string;
  fileName: string;
  columns: Array<{ header: string; format: 'text' | 'integer' | 'percent' | 'date' }>;
  /** Percent cells are percentages (0–100), written as fractions in a percent format. */
  rows: Array<Array<string | number | null>>;
}

export async function tableWorkbook(input: TableInput): Promise<XlsxFile> {
  const { workbook, sheet } = newSheet((input.sheetName ?? 'Số liệu').slice(0, 31), input.title, input.subtitle ?? []);
  const header = headerRow(
    sheet,
    input.columns.map((c) => c.header),
  );
  for (const row of input.rows) {
    sheet.addRow(
      input.columns.map((column, i) => {
        const value = row[i] ?? null;
        if (value === null || value === '') return null;
        if (column.format === 'percent' && typeof value === 'number') return value / 100;
        if (column.format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return excelDate(value);
        return value;
      }),
    );
  }
  const formats = { text: undefined, integer: INTEGER, percent: PERCENT, date: DATE } as const;
  formatColumns(
    sheet,
    input.columns.map((c) => ({ width: c.format === 'text' ? Math.min(48, Math.max(14, c.header.length + 2)) : 14, numFmt: formats[c.format] })),
    header.number + 1,
  );
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  const name = input.fileName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.xlsx$/i, '') || 'so-lieu';
  return finish(workbook, `${name}.xlsx`);
}
