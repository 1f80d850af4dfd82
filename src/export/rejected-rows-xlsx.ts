import ExcelJS from 'exceljs';

export interface RejectedRowsInput {
  headers: string[];
  rows: Array<{ line: number; cells: string[] }>;
  errors: Array<{ row: number; column: string; value: string; message: string }>;
}

/**
 * The rows an import rejected, as they came, with the reasons in two extra columns, so the
 * official can fix them in Excel and import the sheet again (the extra columns are ignored).
 */
export async function rejectedRowsWorkbook(input: RejectedRowsInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCHC';
  const sheet = workbook.addWorksheet('Dòng bị từ chối');
  sheet.addRow([...input.headers, 'Dòng trong tệp gốc', 'Lý do từ chối']).font = { bold: true };
  const reasons = new Map<number, string[]>();
  for (const error of input.errors) {
    reasons.set(error.row, [...(reasons.get(error.row) ?? []), `${error.column}: ${error.message}`]);
  }
  for (const row of input.rows) {
    const cells = input.headers.map((_, i) => row.cells[i] ?? '');
    sheet.addRow([...cells, row.line, (reasons.get(row.line) ?? []).join('; ')]);
  }
  sheet.columns.forEach((column) => (column.width = 18));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
