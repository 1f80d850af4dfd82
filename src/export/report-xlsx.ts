import ExcelJS from 'exceljs';
import { appendixRows, STANDARD_HEADERS, type AppendixCell, type AppendixColumn } from '../domain/narrative/appendix';
import { cleanText } from '../domain/narrative/text';
import { parseDate } from '../domain/text/iso-date';
import type { Template, TemplateRow } from '../domain/templates/template';

/**
 * The appendix as a spreadsheet: one sheet, the template's rows in order (STT | Chỉ tiêu | Đơn vị
 * tính | Số liệu, or one value column per unit for a roll-up), numbers stored as numbers.
 *
 * Display: an .xlsx number format always uses "," for thousands and "." for decimals in the file;
 * Excel and LibreOffice render them with the separators of the reader's locale, so on a machine
 * set to Vietnamese 1224 shows "1.224" and 98.07 shows "98,07". We cannot force vi-VN separators
 * from the file without turning numbers into text, so we do not. Formats: counts `#,##0`;
 * percentages (stored as 98.07, the unit column says "%") `0.00` with the template's decimals;
 * money and other numbers `#,##0` or `#,##0.0…` with the places they have; coded answers `0`;
 * dates as real dates shown `dd/mm/yyyy`.
 */

export interface ReportXlsxInput {
  template: Template;
  /** Row id → value (ReportValue fits). Ignored when `columns` is given. */
  values?: ReadonlyMap<string, { value: number | string | null }>;
  /** A roll-up: one value column per unit. */
  columns?: XlsxColumn[];
  /** The sheet's title row; default the template's title. */
  title?: string;
  /** A second title line ("Quý I năm 2024 – UBND xã Thịnh Đức"). */
  subtitle?: string | null;
}

/** A value column; `marks` flags cells (row id → why), shaded with the reason as the cell's note; `width` in characters. */
export interface XlsxColumn extends AppendixColumn {
  marks?: ReadonlyMap<string, string>;
  width?: number;
}

const FONT = 'Times New Roman';
const MARK_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** The display format of a number cell, by the row's kind. */
export function numberFormat(cell: Extract<AppendixCell, { type: 'number' }>, kind: TemplateRow['kind']): string {
  const places = cell.decimals > 0 ? `.${'0'.repeat(cell.decimals)}` : '';
  if (kind === 'enum' || kind === 'yes_no') return '0';
  if (kind === 'percent') return `0${places}`;
  return `#,##0${places}`;
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(text: string): string {
  const name = cleanText(text).replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim();
  return (name || 'Phụ lục').slice(0, 31);
}

export async function reportXlsx(input: ReportXlsxInput): Promise<Buffer> {
  const columns: XlsxColumn[] = input.columns ?? [{ header: STANDARD_HEADERS.value, values: input.values ?? new Map() }];
  const rows = appendixRows(input.template, columns);
  const width = 3 + columns.length;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCHC';
  const sheet = workbook.addWorksheet(sheetName('Phụ lục số liệu'), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: columns.length > 1 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 30 / 25.4, right: 15 / 25.4, top: 20 / 25.4, bottom: 20 / 25.4, header: 0.3, footer: 0.3 },
    },
  });
  const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT, size: 12, ...extra });
  const thin: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    bottom: { style: 'thin' },
    left: { style: 'thin' },
    right: { style: 'thin' },
  };

  const titles = [cleanText(input.title ?? input.template.title).trim().toLocaleUpperCase('vi')];
  if (input.subtitle?.trim()) titles.push(cleanText(input.subtitle).trim());
  for (const text of titles) {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = font({ bold: true, size: 13 });
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.height = 33;
  }
  sheet.addRow([]);

  const header = sheet.addRow([STANDARD_HEADERS.code, STANDARD_HEADERS.label, STANDARD_HEADERS.unit, ...columns.map((c) => cleanText(c.header))]);
  header.eachCell((cell) => {
    cell.font = font({ bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = thin;
  });
  const headerRow = header.number;

  for (const row of rows) {
    const template = input.template.byId.get(row.rowId)!;
    const line = sheet.addRow([row.code, row.label, row.unit]);
    row.cells.forEach((cell, i) => {
      const target = line.getCell(4 + i);
      if (cell.type === 'number') {
        target.value = cell.value;
        target.numFmt = numberFormat(cell, template.kind);
      }
      const mark = columns[i]!.marks?.get(row.rowId);
      if (mark) {
        target.fill = MARK_FILL;
        target.note = mark;
      }
      if (cell.type === 'text') {
        const iso = template.kind === 'date' ? parseDate(cell.text) : null;
        if (iso) {
          const [y, m, d] = iso.split('-').map(Number);
          target.value = new Date(Date.UTC(y!, m! - 1, d!));
          target.numFmt = 'dd/mm/yyyy';
        } else {
          target.value = cell.text;
        }
      }
    });
    for (let c = 1; c <= width; c++) {
      const target = line.getCell(c);
      target.border = thin;
      target.font = font({ bold: row.bold || undefined, italic: (c === 1 && row.codeIsNote) || undefined });
      target.alignment =
        c === 2
          ? { horizontal: 'left', vertical: 'middle', wrapText: true, indent: row.indent }
          : { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }

  sheet.columns = [
    { width: 9 },
    { width: 62 },
    { width: 16 },
    ...columns.map((c) => ({ width: c.width ?? (columns.length > 1 ? 12 : 16) })),
  ];
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  // The header row repeats on every printed page.
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
