/** A problem found in an input file, located precisely enough for a person to fix it. */
export interface ImportIssue {
  file: string;
  /** 1-based line of the file (the header is line 1 in a CSV). */
  row?: number;
  /** The column header as the user wrote it, or a field name / JSON path. */
  column?: string;
  message: string;
}

export function formatImportIssue(issue: ImportIssue): string {
  const where = [issue.file];
  if (issue.row !== undefined) where.push(`dòng ${issue.row}`);
  if (issue.column !== undefined) where.push(`cột "${issue.column}"`);
  return `${where.join(', ')}: ${issue.message}`;
}

/** Thrown when an input is rejected; nothing has been stored. */
export class ImportRejectedError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    const shown = issues.slice(0, 20).map(formatImportIssue);
    const more = issues.length > 20 ? [`… và ${issues.length - 20} lỗi khác`] : [];
    super([`Tệp bị từ chối, không có dữ liệu nào được ghi (${issues.length} lỗi):`, ...shown, ...more].join('\n'));
    this.name = 'ImportRejectedError';
  }
}
