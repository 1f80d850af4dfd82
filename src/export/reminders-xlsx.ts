import ExcelJS from 'exceljs';
import { cleanText } from '../domain/narrative/text';

export interface ReminderLine {
  unitCode: string;
  unitName: string;
  periodLabel: string;
  deadline: string;
  status: string;
  timeliness: string;
  /** Days past the deadline on the day of the list; 0 when not yet due. */
  daysOverdue: number;
}

const FONT = 'Times New Roman';

/** The units still owing a report, as a sheet a reviewer can send or phone down the list from. */
export async function remindersXlsx(input: { title: string; subtitle: string; lines: ReminderLine[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCHC';
  const sheet = workbook.addWorksheet('Đôn đốc báo cáo', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const headers = ['STT', 'Mã đơn vị', 'Đơn vị', 'Kỳ báo cáo', 'Hạn gửi', 'Tình trạng', 'Đúng/trễ hạn', 'Số ngày quá hạn'];
  for (const text of [input.title, input.subtitle]) {
    const row = sheet.addRow([cleanText(text)]);
    sheet.mergeCells(row.number, 1, row.number, headers.length);
    row.getCell(1).font = { name: FONT, size: 13, bold: row.number === 1 };
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
  }
  sheet.addRow([]);
  const header = sheet.addRow(headers);
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  input.lines.forEach((line, i) => {
    const [y, m, d] = line.deadline.split('-').map(Number);
    const row = sheet.addRow([i + 1, line.unitCode, cleanText(line.unitName), line.periodLabel, new Date(Date.UTC(y!, m! - 1, d!)), line.status, line.timeliness, line.daysOverdue]);
    row.getCell(5).numFmt = 'dd/mm/yyyy';
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT, size: 12 };
      cell.border = border;
    });
  });
  sheet.columns = [{ width: 6 }, { width: 12 }, { width: 34 }, { width: 20 }, { width: 13 }, { width: 18 }, { width: 20 }, { width: 14 }];
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
