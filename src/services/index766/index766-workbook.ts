import ExcelJS from 'exceljs';
import { formatVn } from '../../domain/calendar/plain-date';
import { DOSSIER_STATE_LABELS, type DossierState } from '../../domain/dossiers/dossier';
import type { AgainstResult } from './compute-index';

export interface XlsxFile {
  fileName: string;
  buffer: Buffer;
}

const CHANNELS: Record<string, string> = { direct: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính công ích' };
const MODES: Record<string, string> = { full: 'Toàn trình', partial: 'Một phần', none: 'Cung cấp thông tin' };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const excelDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const slug = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '');

/**
 * The dossiers (or procedures) that cost a sub-indicator its points, as a sheet an office can work
 * through: one row each with the reason, dates as Excel dates, the indicator's numbers on top.
 */
export async function againstWorkbook(result: AgainstResult): Promise<XlsxFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCHC';
  const sheet = workbook.addWorksheet('Hồ sơ làm mất điểm');
  const i = result.indicator;
  sheet.addRow([`Chỉ số 766 — ${i.name}`]).font = { bold: true, size: 13 };
  sheet.addRow([`${result.unit.name} — ${result.period.label} (từ ${formatVn(result.period.from)} đến ${formatVn(result.period.measuredTo)}${result.period.running ? ', tạm tính' : ''})`]).font = { italic: true };
  sheet.addRow([
    `Tử số ${i.numerator}, mẫu số ${i.denominator}; điểm ${i.points ?? '—'}/${i.max}; bộ tiêu chí ${result.profile.id}. Danh sách: các ${result.kind === 'procedures' ? 'thủ tục' : 'hồ sơ'} thuộc mẫu số nhưng không thuộc tử số.`,
  ]).font = { italic: true };
  sheet.addRow([]);
  const header = (values: string[]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    row.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      cell.border = THIN;
    });
  };
  if (result.kind === 'dossiers') {
    header(['STT', 'Mã hồ sơ', 'Đơn vị', 'Mã thủ tục', 'Tên thủ tục', 'Kênh', 'Trạng thái', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày có kết quả', 'Số lần yêu cầu bổ sung', 'Lý do mất điểm']);
    result.dossiers.forEach((d, n) => {
      const row = sheet.addRow([
        n + 1,
        d.code,
        d.unitName,
        d.procedureCode,
        d.procedureName,
        CHANNELS[d.channel] ?? d.channel,
        DOSSIER_STATE_LABELS[d.state as DossierState] ?? d.state,
        excelDate(d.receivedDay),
        excelDate(d.dueDay),
        excelDate(d.finishDay),
        d.supplementRequests,
        d.reasons.join('; '),
      ]);
      for (const c of [8, 9, 10]) row.getCell(c).numFmt = 'dd/mm/yyyy';
      row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN));
    });
    [6, 16, 24, 12, 40, 14, 16, 13, 13, 13, 12, 60].forEach((w, c) => (sheet.getColumn(c + 1).width = w));
  } else if (result.kind === 'procedures') {
    header(['STT', 'Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Mức độ trực tuyến', 'Hồ sơ tiếp nhận trong kỳ', 'Hồ sơ trực tuyến']);
    result.procedures.forEach((p, n) => {
      const row = sheet.addRow([n + 1, p.code, p.name, p.field, MODES[p.onlineMode] ?? p.onlineMode, p.dossiers, p.onlineDossiers]);
      row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN));
    });
    [6, 14, 50, 20, 18, 14, 14].forEach((w, c) => (sheet.getColumn(c + 1).width = w));
  } else {
    sheet.addRow([result.note ?? '']);
  }
  return {
    fileName: `chi-so-766-${slug(result.unit.code)}-${slug(result.period.id)}-${slug(i.id)}.xlsx`,
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
