import { normalizeForSearch } from '../text/normalize-for-search';

/** Two columns of a header row with the same name (ignoring case and diacritics), 0-based. */
export interface DuplicateHeader {
  header: string;
  first: number;
  second: number;
}

/** Spreadsheet letters of a 0-based column: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "cột "Mã hồ sơ" có hai lần (cột B và cột E)…": the message for a duplicated header the reader would use. */
export function duplicateHeaderMessage(duplicate: DuplicateHeader, headers: string[]): string {
  return (
    `tên cột "${headers[duplicate.first]}" có ở hai cột (cột ${columnLetter(duplicate.first)} và cột ${columnLetter(duplicate.second)}` +
    `${headers[duplicate.second] !== headers[duplicate.first] ? `, viết "${headers[duplicate.second]}"` : ''}): không biết lấy cột nào; hãy đổi tên hoặc xóa một cột.`
  );
}

/** Every later column whose header folds to the same name as the column a reader picked. */
export function duplicatesOf(headers: string[], picked: number[]): DuplicateHeader[] {
  const folded = headers.map(normalizeForSearch);
  const duplicates: DuplicateHeader[] = [];
  for (const first of [...new Set(picked)].sort((a, b) => a - b)) {
    if (folded[first] === '') continue;
    const second = folded.indexOf(folded[first]!, first + 1);
    if (second >= 0) duplicates.push({ header: headers[first]!, first, second });
  }
  return duplicates;
}
