import ExcelJS from 'exceljs';
import { todayInVietnam } from '../../domain/calendar/date-time';
import { addDays } from '../../domain/calendar/plain-date';
import { formatDateVi } from '../../domain/text/iso-date';
import { utf16be, utf16le, windows1252, windows1258 } from './encodings';
import { writeZip } from './zip-writer';

/**
 * The corpus of bad input files: for every command that reads a file, files that must be refused
 * (exit 2) or whose every row must be rejected (exit 3, dossiers), each with the Vietnamese words
 * the answer must contain. Generated, not stored: `npx tsx scripts/generate-bad-files.ts DIR` writes
 * them out to try by hand (or in the web page).
 */
export type CorpusKind = 'units-csv' | 'units-json' | 'procedures' | 'dossiers-csv' | 'dossiers-xlsx' | 'check' | 'export';

export const CORPUS_KINDS: CorpusKind[] = ['units-csv', 'units-json', 'procedures', 'dossiers-csv', 'dossiers-xlsx', 'check', 'export'];

export interface BadFile {
  /** File name, with the extension the command decides on. */
  name: string;
  /** What is wrong (for the test's name). */
  what: string;
  bytes: () => Buffer | Promise<Buffer>;
  /** 2: the whole file refused; 3: read, but every row rejected. */
  exit: 2 | 3;
  /** Words the answer must contain. */
  message: RegExp;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const bytes = (...parts: Array<string | Buffer | number[]>) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? utf8(part) : Array.isArray(part) ? Buffer.from(part) : part)));
const csv = (rows: string[][], delimiter = ',') => rows.map((row) => row.map((cell) => (/[",\n;\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)).join('\r\n') + '\r\n';
const repeat = (text: string, times: number) => text.repeat(times);

// ---------------------------------------------------------------------------------------------
// Tabular files: what is bad about any CSV, whatever its columns.

interface TabularSample {
  header: string[];
  /** A row the command accepts. */
  good: string[];
  /** A row refused, and the words saying why (used to prove a file was decoded right). */
  bad: { row: string[]; message: RegExp };
  /** Exit code when only rows are bad. */
  rowExit: 2 | 3;
  prefix: string;
}

function tabularFileCases(s: TabularSample): BadFile[] {
  const name = (what: string) => `${s.prefix}-${what}.csv`;
  const badText = csv([s.header, s.bad.row]);
  const goodText = csv([s.header, s.good]);
  const width = s.header.length;
  const filler = (cell: string, at = width - 1) => s.good.map((c, i) => (i === at ? cell : c));
  const cases: BadFile[] = [
    { name: name('rong'), what: 'empty file', bytes: () => Buffer.alloc(0), exit: 2, message: /tệp rỗng/ },
    { name: name('chi-bom'), what: 'only a byte order mark', bytes: () => Buffer.from([0xef, 0xbb, 0xbf]), exit: 2, message: /tệp rỗng/ },
    { name: name('chi-dong-trong'), what: 'only blank lines', bytes: () => utf8('\r\n\r\n\r\n'), exit: 2, message: /tệp rỗng/ },
    { name: name('chi-sep'), what: 'only a sep= line', bytes: () => utf8('sep=;\r\n'), exit: 2, message: /tệp rỗng/ },
    // Encodings that are decoded: the bad row is found and named with its Vietnamese header.
    { name: name('utf16le-bom'), what: 'UTF-16 LE with BOM, bad row', bytes: () => utf16le(badText), exit: s.rowExit, message: s.bad.message },
    { name: name('utf16be-bom'), what: 'UTF-16 BE with BOM, bad row', bytes: () => utf16be(badText), exit: s.rowExit, message: s.bad.message },
    { name: name('utf16le'), what: 'UTF-16 LE without BOM, bad row', bytes: () => utf16le(badText, false), exit: s.rowExit, message: s.bad.message },
    { name: name('utf16be'), what: 'UTF-16 BE without BOM, bad row', bytes: () => utf16be(badText, false), exit: s.rowExit, message: s.bad.message },
    { name: name('windows-1258'), what: 'Windows-1258, bad row', bytes: () => windows1258(badText), exit: s.rowExit, message: s.bad.message },
    { name: name('utf8-bom'), what: 'UTF-8 with BOM, bad row', bytes: () => bytes([0xef, 0xbb, 0xbf], badText), exit: s.rowExit, message: s.bad.message },
    { name: name('sep-cham-phay'), what: 'Excel sep=; line, bad row', bytes: () => utf8(`sep=;\r\n${csv([s.header, s.bad.row], ';')}`), exit: s.rowExit, message: s.bad.message },
    { name: name('tab'), what: 'tab-separated, bad row', bytes: () => utf8(csv([s.header, s.bad.row], '\t')), exit: s.rowExit, message: s.bad.message },
    // Encodings that cannot be read right: said so, with how to save as UTF-8.
    { name: name('windows-1252'), what: 'Windows-1252 with letters lost to "?"', bytes: () => windows1252(goodText), exit: 2, message: /Windows-1252.*CSV UTF-8/s },
    { name: name('latin-1'), what: 'Latin-1 bytes that no Vietnamese code page explains', bytes: () => bytes('Ma,Ten\r\n', [0xc3, 0x20, 0xf0, 0xfe, 0x2c, 0xd0, 0xdd, 0x0d, 0x0a]), exit: 2, message: /dòng 2: tệp không được lưu bằng UTF-8 và không đọc được như bảng mã Windows-1258.*CSV UTF-8/s },
    { name: name('tcvn3'), what: 'TCVN3 (ABC) bytes', bytes: () => bytes(csv([s.header]), [0xb8, 0xb5, 0xb6, 0xb7, 0xb9, 0xa8, 0xbb, 0xbe, 0x0d, 0x0a]), exit: 2, message: /không được lưu bằng UTF-8|không hợp lệ trong bảng mã/ },
    { name: name('utf8-hong'), what: 'a byte that is not UTF-8 on line 3', bytes: () => bytes(goodText, filler('Ba B').join(','), [0xff], '\r\n'), exit: 2, message: /dòng 3.*không hợp lệ trong bảng mã UTF-8/s },
    { name: name('utf8-hong-tieu-de'), what: 'a byte that is not UTF-8 in the header', bytes: () => bytes([0x4d, 0xe3, 0x2c], csv([s.header.slice(1)]), csv([s.good])), exit: 2, message: /(dòng 1|UTF-8)/ },
    { name: name('utf8-cat-cuoi'), what: 'a character cut at the end of the file', bytes: () => bytes(goodText, 'x', [0xe1, 0xbb]), exit: 2, message: /không hợp lệ trong bảng mã UTF-8|không được lưu bằng UTF-8/ },
    { name: name('utf8-overlong'), what: 'an overlong UTF-8 sequence', bytes: () => bytes(goodText, filler('a').join(','), [0xc0, 0xaf], '\r\n'), exit: 2, message: /không hợp lệ trong bảng mã UTF-8|không được lưu bằng UTF-8/ },
    { name: name('utf8-surrogate'), what: 'a UTF-8 encoded surrogate', bytes: () => bytes(goodText, filler('a').join(','), [0xed, 0xa0, 0x80], '\r\n'), exit: 2, message: /không hợp lệ trong bảng mã UTF-8|không được lưu bằng UTF-8/ },
    { name: name('utf32'), what: 'UTF-32', bytes: () => bytes([0xff, 0xfe, 0x00, 0x00], Buffer.from('M\0\0\0')), exit: 2, message: /UTF-32/ },
    { name: name('nul-o'), what: 'a NUL byte in a data cell', bytes: () => bytes(csv([s.header]), filler('a\0b').join(','), '\r\n'), exit: 2, message: /dòng 2, cột ".+": ô có ký tự NUL/ },
    { name: name('nul-tieu-de'), what: 'a NUL byte in the header', bytes: () => bytes([...s.header.slice(0, -1), `${s.header[width - 1]}\0`].join(','), '\r\n', csv([s.good])), exit: 2, message: /dòng 1, cột "cột [A-Z]+": ô có ký tự NUL/ },
    { name: name('nhi-phan'), what: 'binary bytes', bytes: () => Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 0 : (i * 37) % 256))), exit: 2, message: /không phải văn bản|không hợp lệ/ },
    { name: name('zip'), what: 'a ZIP named .csv', bytes: () => writeZip([{ name: 'a.txt', data: utf8('x') }]), exit: 2, message: /tệp nén ZIP/ },
    { name: name('pdf'), what: 'a PDF named .csv', bytes: () => utf8('%PDF-1.7\n1 0 obj\n'), exit: 2, message: /tệp PDF/ },
    { name: name('xls'), what: 'an Excel 97 file named .csv', bytes: () => bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Buffer.alloc(504)), exit: 2, message: /Excel 97–2003/ },
    { name: name('sep-la'), what: 'a sep= line naming an odd delimiter', bytes: () => utf8(`sep=#\r\n${goodText}`), exit: 2, message: /dấu phân cách không hỗ trợ/ },
    { name: name('trung-cot'), what: 'a header written twice', bytes: () => utf8(csv([[...s.header, s.header[0]!], [...s.good, 'khác']])), exit: 2, message: new RegExp(`"${s.header[0]}" có ở hai cột \\(cột A và cột ${String.fromCharCode(65 + width)}`) },
    { name: name('trung-cot-khac-dau'), what: 'a header written twice with other case and no diacritics', bytes: () => utf8(csv([[...s.header, s.header[0]!.toUpperCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')], [...s.good, 'khác']])), exit: 2, message: /có ở hai cột.*viết/ },
    { name: name('thieu-cot'), what: 'a required column missing', bytes: () => utf8(csv([s.header.slice(1), s.good.slice(1)])), exit: 2, message: /(thiếu cột|không tìm thấy cột)/ },
    { name: name('ngoac-khong-dong'), what: 'a quote never closed', bytes: () => utf8(`${csv([s.header])}"${s.good.join(',')}\r\n`), exit: 2, message: /dấu ngoặc kép \("\) mở mà không đóng/ },
    { name: name('ngoac-dong-sai'), what: 'text after a closing quote', bytes: () => utf8(`${csv([s.header])}"${s.good[0]}"x,${s.good.slice(1).join(',')}\r\n`), exit: 2, message: /dòng 2: sau dấu ngoặc kép/ },
    { name: name('ngoac-giua-o'), what: 'a quote inside an unquoted cell', bytes: () => utf8(`${csv([s.header])}${s.good[0]}"x",${s.good.slice(1).join(',')}\r\n`), exit: 2, message: /dòng 2: dấu ngoặc kép/ },
    { name: name('dong-qua-dai'), what: 'a record of more than a million characters', bytes: () => utf8(`${csv([s.header])}"${repeat('Nguyễn Văn A ', 90_000)}\r\n`), exit: 2, message: /dài hơn 1\.000\.000 ký tự/ },
    { name: name('o-qua-dai'), what: 'a cell longer than a spreadsheet allows', bytes: () => utf8(csv([s.header, filler(repeat('x', 40_000))])), exit: 2, message: /quá giới hạn 32\.767 ký tự/ },
    { name: name('ma-100004'), what: 'a 100,004-character code', bytes: () => utf8(csv([s.header, s.good.map((c, i) => (i === 0 ? repeat('A', 100_004) : c))])), exit: 2, message: /dài 100\.004 ký tự/ },
    { name: name('qua-nhieu-cot'), what: 'more than 1,000 columns', bytes: () => utf8(csv([[...s.header, ...Array.from({ length: 1000 }, (_, i) => `Cột ${i}`)], s.good])), exit: 2, message: /tối đa 1\.000 cột/ },
    { name: name('tieu-de-qua-dai'), what: 'a header of 300 characters', bytes: () => utf8(csv([[...s.header, repeat('Ghi chú ', 40)], [...s.good, '']])), exit: 2, message: /tên cột dài \d+ ký tự, tối đa 200/ },
    { name: name('dong-16mb'), what: 'a line longer than 16 MB', bytes: () => utf8(`${csv([s.header])}${repeat('a', 17 * 1024 * 1024)}`), exit: 2, message: /dài hơn (16 MB|1\.000\.000 ký tự)/ },
  ];
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Units

const UNIT_HEADER = ['Mã', 'Tên', 'Cấp', 'Mã cấp trên', 'Hiệu lực từ', 'Hiệu lực đến'];
const PROVINCE = ['30', 'Tỉnh Hải Dương', 'Tỉnh', '', '', '30/06/2025'];

function unitsCsv(): BadFile[] {
  const one = (what: string, file: string, rows: string[][], message: RegExp): BadFile => ({
    name: `don-vi-${file}.csv`,
    what,
    bytes: () => utf8(csv([UNIT_HEADER, ...rows])),
    exit: 2,
    message,
  });
  return [
    ...tabularFileCases({ header: UNIT_HEADER, good: PROVINCE, bad: { row: ['30', 'Tỉnh Hải Dương', 'Tỉnhh', '', '', ''], message: /cột "Cấp": cấp "Tỉnhh" không hợp lệ/ }, rowExit: 2, prefix: 'don-vi' }),
    one('a code with a space', 'ma-co-cach', [['30 1', 'Tỉnh A', 'Tỉnh', '', '', '']], /cột "Mã": mã "30 1" chỉ được gồm/),
    one('a 21-character code', 'ma-21', [[repeat('1', 21), 'Tỉnh A', 'Tỉnh', '', '', '']], /tối đa 20 ký tự/),
    one('no code', 'thieu-ma', [['', 'Tỉnh A', 'Tỉnh', '', '', '']], /thiếu mã đơn vị/),
    one('no name', 'thieu-ten', [['30', '', 'Tỉnh', '', '', '']], /thiếu tên đơn vị/),
    one('a 100,004-character name in a quoted cell', 'ten-100004', [['30', repeat('Xã ', 33_335), 'Tỉnh', '', '', '']], /quá giới hạn 32\.767|dài 100\.00/),
    one('a 201-character name', 'ten-201', [['30', repeat('Đ', 201), 'Tỉnh', '', '', '']], /tên đơn vị dài 201 ký tự, tối đa 200/),
    one('a name with a line break', 'ten-xuong-dong', [['30', 'Tỉnh\nHải Dương', 'Tỉnh', '', '', '']], /không được xuống dòng/),
    one('a name with the replacement character', 'ten-fffd', [['30', 'Tỉnh H\uFFFDi Dương', 'Tỉnh', '', '', '']], /đã hỏng khi chuyển bảng mã/),
    one('a name with a control character', 'ten-dieu-khien', [['30', 'Tỉnh\u0007Hải', 'Tỉnh', '', '', '']], /ký tự điều khiển/),
    one('no level', 'thieu-cap', [['30', 'Tỉnh A', '', '', '', '']], /cấp "" không hợp lệ/),
    one('a commune without a parent', 'xa-khong-cha', [['11266', 'Xã Lê Hồng', 'Xã', '', '', '']], /thiếu mã cấp trên/),
    one('an unknown parent', 'cha-khong-co', [['11266', 'Xã Lê Hồng', 'Xã', '999', '', '']], /không tìm thấy đơn vị cấp trên có mã "999"/),
    one('a province with a parent', 'tinh-co-cha', [PROVINCE, ['31', 'Tỉnh B', 'Tỉnh', '30', '', '']], /đơn vị cấp tỉnh không có đơn vị cấp trên/),
    one('a parent code with odd characters', 'ma-cha-la', [['11266', 'Xã Lê Hồng', 'Xã', '30/1', '', '']], /cột "Mã cấp trên": mã "30\/1"/),
    one('an impossible date', 'ngay-31-02', [['30', 'Tỉnh A', 'Tỉnh', '', '31/02/2024', '']], /ngày "31\/02\/2024" không hợp lệ/),
    one('a three-digit day', 'ngay-319', [['30', 'Tỉnh A', 'Tỉnh', '', '319/01/2023', '']], /ngày "319\/01\/2023" không hợp lệ/),
    one('a date in 2101', 'ngay-2101', [['30', 'Tỉnh A', 'Tỉnh', '', '01/01/2101', '']], /quá xa \(không sau 31\/12\/2100\)/),
    one('a date before 1945', 'ngay-1900', [['30', 'Tỉnh A', 'Tỉnh', '', '01/01/1900', '']], /quá sớm \(không trước 01\/01\/1945\)/),
    one('a date of 9999', 'ngay-9999', [['30', 'Tỉnh A', 'Tỉnh', '', '', '31/12/9999']], /quá xa/),
    one('validity ending before it starts', 'het-truoc-bat-dau', [['30', 'Tỉnh A', 'Tỉnh', '', '01/07/2025', '30/06/2025']], /trước ngày bắt đầu hiệu lực/),
    one('the same code twice', 'trung-ma', [PROVINCE, PROVINCE], /mã "30" bị trùng với dòng 2/),
    one('a district under a district', 'huyen-trong-huyen', [PROVINCE, ['300', 'Huyện A', 'Huyện', '30', '', '30/06/2025'], ['301', 'Huyện B', 'Huyện', '300', '', '30/06/2025']], /không thể trực thuộc/),
    one('a date written in words', 'ngay-chu', [['30', 'Tỉnh A', 'Tỉnh', '', 'mùng một', '']], /ngày "mùng một" không hợp lệ/),
    one('a time after the date', 'ngay-gio', [['30', 'Tỉnh A', 'Tỉnh', '', '01/07/2025 08:00', '']], /không hợp lệ/),
  ];
}

const json = (value: unknown) => utf8(JSON.stringify(value));
const deep = (depth: number, inner = '0') => `${repeat('[', depth)}${inner}${repeat(']', depth)}`;

/** JSON syntax and encoding: any JSON file. */
function jsonSyntaxCases(prefix: string, valid: string): BadFile[] {
  const name = (what: string) => `${prefix}-${what}.json`;
  const one = (what: string, file: string, text: string | Buffer, message: RegExp): BadFile => ({
    name: name(file),
    what,
    bytes: () => (typeof text === 'string' ? utf8(text) : text),
    exit: 2,
    message,
  });
  return [
    one('empty file', 'rong', '', /tệp rỗng hoặc kết thúc giữa chừng/),
    one('only spaces', 'khoang-trang', '   \n  ', /tệp rỗng hoặc kết thúc giữa chừng/),
    one('a trailing comma', 'phay-thua', valid.replace(/([\]}])$/, ',$1'), /dấu phẩy thừa|gặp "\]" ở chỗ cần một giá trị/),
    one('a missing comma', 'thieu-phay', '{"a": 1 "b": 2}', /dòng 1.*vị trí 9: gặp """ ở chỗ cần dấu phẩy/),
    one('an unquoted key', 'khoa-khong-ngoac', '{template: "x"}', /cần tên trường trong dấu ngoặc kép/),
    one('single quotes', 'ngoac-don', "{'template': 'x'}", /cần tên trường trong dấu ngoặc kép/),
    one('a string never closed', 'chuoi-khong-dong', '{"template": "mac-dinh-xa', /không đóng đến hết tệp/),
    one('a line break inside a string', 'xuong-dong-trong-chuoi', '{"template": "mac\ndinh"}', /chuỗi chứa dấu xuống dòng/),
    one('a raw NUL in a string', 'nul-tho', '{"template": "a\u0000b"}', /ký tự điều khiển \(mã 0\)/),
    one('an escaped NUL', 'nul-thoat', '{"template": "a\\u0000b"}', /ký tự NUL/),
    one('a bad escape', 'thoat-sai', '{"template": "a\\qb"}', /ký tự thoát "\\q" không hợp lệ/),
    one('a short \\u escape', 'thoat-u-ngan', '{"template": "\\u12"}', /đúng 4 chữ số hệ 16/),
    one('a number too large for a double', 'so-1e999', '{"values": {"a": 1e999}}', /số 1e999 quá lớn/),
    one('NaN', 'nan', '{"values": {"a": NaN}}', /gặp "N" ở chỗ cần một giá trị/),
    one('a comment', 'chu-thich', `// ghi chú\n${valid}`, /dòng 1.*gặp "\/"/),
    one('text after the value', 'thua-sau', `${valid} x`, /nội dung thừa/),
    one('two objects', 'hai-doi-tuong', `${valid}\n${valid}`, /dòng 2.*nội dung thừa/),
    one('a missing closing bracket', 'thieu-dong', valid.slice(0, -1), /thiếu 1 dấu đóng [\]}]/),
    one('a mismatched bracket', 'dong-sai', '{"values": {"a": 1]}', /cần dấu phẩy hoặc dấu đóng \}/),
    one('a missing colon', 'thieu-hai-cham', '{"template" "x"}', /cần dấu hai chấm/),
    one('1,000 levels of nesting', 'long-1000', `{"values": {}, "x": ${deep(1000)}}`, /lồng nhau quá \d+ cấp/),
    one('100,000 levels of nesting', 'long-100000', deep(100_000), /lồng nhau quá \d+ cấp/),
    one('an invalid UTF-8 byte', 'utf8-hong', bytes('{"template": "m', [0xe3], 'c"}'), /không được lưu bằng UTF-8|không hợp lệ trong bảng mã/),
    one('Windows-1252 with lost letters', 'windows-1252', windows1252('{"template": "Quý một của xã"}'), /Windows-1252/),
    one('a PDF', 'pdf', '%PDF-1.4', /tệp PDF/),
    one('a ZIP', 'zip', writeZip([{ name: 'a.json', data: utf8(valid) }]), /tệp nén ZIP/),
    one('UTF-32', 'utf32', bytes([0xff, 0xfe, 0x00, 0x00], Buffer.from('{\0\0\0')), /UTF-32/),
    one('true/false misspelt', 'tru', '{"values": {"a": tru}}', /gặp "t" ở chỗ cần một giá trị/),
    one('a leading zero', 'so-0-dau', '{"values": {"a": 012}}', /cần dấu phẩy/),
    one('a lone minus sign', 'dau-tru', '{"values": {"a": -}}', /gặp "-" ở chỗ cần một giá trị/),
  ];
}

function unitsJson(): BadFile[] {
  const ward = { Code: '00001', FullName: 'Phường Ba Đình' };
  const province = { Code: '01', FullName: 'Thành phố Hà Nội', Wards: [ward] };
  const one = (what: string, file: string, value: unknown, message: RegExp): BadFile => ({ name: `don-vi-${file}.json`, what, bytes: () => json(value), exit: 2, message });
  return [
    ...jsonSyntaxCases('don-vi', JSON.stringify([province])),
    one('an object instead of a list', 'doi-tuong', province, /cần một mảng các tỉnh/),
    one('an empty list', 'mang-rong', [], /cần một mảng các tỉnh/),
    one('a list of numbers', 'mang-so', [1, 2], /mỗi tỉnh phải là một đối tượng/),
    one('a list of nulls', 'mang-null', [null], /mỗi tỉnh phải là một đối tượng/),
    one('neither District nor Wards', 'khong-cap-duoi', [{ Code: '01', FullName: 'Hà Nội' }], /không nhận ra cấu trúc/),
    one('a numeric Code', 'ma-so', [{ ...province, Code: 1 }], /\[0\]\.Code.*thiếu mã đơn vị/),
    one('no FullName', 'thieu-ten', [{ Code: '01', Wards: [] }], /\[0\]\.FullName.*thiếu tên đơn vị/),
    one('a 100,004-character name', 'ten-100004', [{ ...province, FullName: repeat('A', 100_004) }], /tên đơn vị dài 100\.004 ký tự/),
    one('a 100,004-character code', 'ma-100004', [{ ...province, Code: repeat('1', 100_004) }], /tối đa 20 ký tự/),
    one('a code with a slash', 'ma-gach', [{ ...province, Wards: [{ ...ward, Code: '00/01' }] }], /\[0\]\.Wards\[0\]\.Code.*chỉ được gồm/),
    one('a name with an escaped NUL', 'ten-nul', [{ ...province, FullName: 'Hà\u0000Nội' }], /ký tự NUL/),
    one('a name with a control character', 'ten-dieu-khien', [{ ...province, FullName: 'Hà\u0001Nội' }], /ký tự điều khiển/),
    one('a name with the replacement character', 'ten-fffd', [{ ...province, FullName: 'H\uFFFD Nội' }], /đã hỏng khi chuyển bảng mã/),
    one('Wards not a list', 'wards-khong-mang', [{ ...province, Wards: { a: 1 } }], /\[0\]\.Wards.*cần một mảng/),
    one('District not a list', 'district-khong-mang', [{ Code: '01', FullName: 'Hà Nội', District: 'x' }], /\[0\]\.District.*cần một mảng/),
    one('Ward not a list', 'ward-khong-mang', [{ Code: '01', FullName: 'Hà Nội', District: [{ Code: '001', FullName: 'Quận Ba Đình', Ward: 5 }] }], /Ward.*cần một mảng/),
    one('the same code twice', 'trung-ma', [province, province], /bị trùng/),
    one('a ward without a name', 'phuong-khong-ten', [{ ...province, Wards: [{ Code: '00001' }] }], /Wards\[0\]\.FullName.*thiếu tên/),
    one('nesting deeper than a unit list', 'long-9', [{ ...province, Wards: [{ ...ward, x: [[[[[[1]]]]]] }] }], /lồng nhau quá 8 cấp/),
    one('a name with a line break', 'ten-xuong-dong', [{ ...province, FullName: 'Hà\nNội' }], /không được xuống dòng/),
    one('more than 100,000 units', 'qua-nhieu', [{ ...province, Wards: Array.from({ length: 100_001 }, (_, i) => ({ Code: String(i), FullName: 'Xã A' })) }], /hơn 100\.000 đơn vị/),
    one('a 201-character name', 'ten-201', [{ ...province, FullName: repeat('Đ', 201) }], /dài 201 ký tự/),
    one('a numeric FullName', 'ten-so', [{ ...province, FullName: 5 }], /\[0\]\.FullName.*thiếu tên đơn vị/),
    one('a district that is a number', 'quan-la-so', [{ Code: '01', FullName: 'Hà Nội', District: [5] }], /\[0\]\.District\[0\]\.Code.*thiếu mã/),
    one('a code of spaces', 'ma-khoang-trang', [{ ...province, Code: '   ' }], /thiếu mã đơn vị/),
    one('a code with Vietnamese letters', 'ma-co-dau', [{ ...province, Code: 'Xã01' }], /mã "Xã01" chỉ được gồm/),
    one('a name of tabs only', 'ten-tab', [{ ...province, FullName: '\t\t' }], /thiếu tên đơn vị/),
    one('a list of strings', 'mang-chuoi', ['01', '02'], /mỗi tỉnh phải là một đối tượng/),
    one('a Code of true', 'ma-true', [{ ...province, Code: true }], /thiếu mã đơn vị/),
    { name: 'don-vi-utf16.json', what: 'UTF-16 with a bad code', bytes: () => utf16le(JSON.stringify([{ ...province, Code: 'a b' }])), exit: 2, message: /mã "a b" chỉ được gồm/ },
    { name: 'don-vi-utf16be.json', what: 'UTF-16 BE with a bad name', bytes: () => utf16be(JSON.stringify([{ ...province, FullName: '' }])), exit: 2, message: /thiếu tên đơn vị/ },
    { name: 'don-vi-windows-1258.json', what: 'Windows-1258 with a bad code', bytes: () => windows1258(JSON.stringify([{ ...province, Code: 'Hà Nội' }])), exit: 2, message: /mã "Hà Nội" chỉ được gồm/ },
  ];
}

// ---------------------------------------------------------------------------------------------
// Procedures

const PROCEDURE_HEADER = ['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Mức độ', 'Thời hạn giải quyết', 'Có phí', 'Liên thông'];
const PROCEDURE = ['1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', 'Cấp xã', 'Toàn trình', '0,5', 'Không', 'Không'];

async function xlsxOf(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Trang 1');
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What is bad about any XLSX, whatever its columns. */
function xlsxFileCases(prefix: string, header: string[], good: string[]): BadFile[] {
  const name = (what: string) => `${prefix}-${what}.xlsx`;
  const one = (what: string, file: string, make: () => Buffer | Promise<Buffer>, message: RegExp): BadFile => ({ name: name(file), what, bytes: make, exit: 2, message });
  const sheetXml = (rows: string) =>
    utf8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  const hand = (sheet: Buffer, extra: Array<{ name: string; data: Buffer; declaredSize?: number }> = []) =>
    writeZip([
      { name: '[Content_Types].xml', data: utf8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
      { name: '_rels/.rels', data: utf8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
      { name: 'xl/workbook.xml', data: utf8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: utf8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
      ...extra,
    ]);
  const inline = (cells: string[], row: number) =>
    `<row r="${row}">${cells.map((text, i) => `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`;
  return [
    one('an empty file', 'rong', () => Buffer.alloc(0), /không phải tệp XLSX hợp lệ/),
    one('text named .xlsx', 'van-ban', () => utf8(csv([header, good])), /không phải tệp XLSX hợp lệ/),
    one('a truncated workbook', 'cat-doi', async () => (await xlsxOf([header, good])).subarray(0, 2000), /không phải tệp XLSX hợp lệ|bị hỏng/),
    one('an Excel 97 or password-protected file', 'xls', () => bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Buffer.alloc(2048)), /Excel 97–2003 \(\.xls\) hoặc tệp Excel có đặt mật khẩu/),
    one('a ZIP with 3,000 parts', 'qua-nhieu-phan', () => writeZip(Array.from({ length: 3000 }, (_, i) => ({ name: `x/${i}.xml`, data: utf8('<a/>') }))), /có 3\.000 phần \(tối đa 2\.000\)/),
    one('a part declared to expand to 2 GB', 'khai-2gb', () => hand(sheetXml(inline(header, 1)), [{ name: 'xl/media/a.bin', data: utf8('x'), declaredSize: 2 * 1024 * 1024 * 1024 }]), /giải nén ra 2\.048 MB|giải nén ra hơn/),
    one('shared strings declared at 300 MB', 'chuoi-300mb', () => hand(sheetXml(inline(header, 1)), [{ name: 'xl/sharedStrings.xml', data: utf8('<sst/>'), declaredSize: 300 * 1024 * 1024 }]), /sharedStrings\.xml" giải nén ra 300 MB/),
    one('parts adding up beyond 1 GB', 'tong-qua-1gb', () => hand(sheetXml(inline(header, 1)), Array.from({ length: 5 }, (_, i) => ({ name: `xl/media/${i}.bin`, data: utf8('x'), declaredSize: 250 * 1024 * 1024 }))), /giải nén ra hơn 1\.024 MB/),
    one('a part that lies about its size (zip bomb)', 'bom-noi-doi', () => hand(sheetXml(inline(header, 1)), [{ name: 'xl/media/bom.bin', data: Buffer.alloc(8 * 1024 * 1024), declaredSize: 100 }]), /bị hỏng: không giải nén được phần "xl\/media\/bom\.bin"|nhiều hơn kích thước khai báo/),
    one('a DOCX named .xlsx', 'docx', () => writeZip([{ name: 'word/document.xml', data: utf8('<w:document/>') }]), /tệp rỗng|bị hỏng hoặc không phải bảng tính/),
    one('broken XML in the sheet', 'xml-hong', () => hand(utf8('<worksheet><sheetData><row r="1"><c')), /bị hỏng hoặc không phải bảng tính|tệp rỗng/),
    one('a row beyond Excel\u2019s last', 'dong-qua-xa', () => hand(sheetXml(inline(header, 1) + inline(good, 2_000_000))), /quá số dòng tối đa của Excel/),
    one('a cell of 40,000 characters', 'o-qua-dai', () => xlsxOf([header, good.map((c, i) => (i === good.length - 1 ? repeat('x', 40_000) : c))]), /quá giới hạn 32\.767 ký tự/),
    one('a 100,004-character code', 'ma-100004', () => hand(sheetXml(inline(header, 1) + inline([repeat('A', 100_004), ...good.slice(1)], 2))), /dài 100\.004 ký tự/),
    one('more than 1,000 columns', 'qua-nhieu-cot', () => xlsxOf([[...header, ...Array.from({ length: 1000 }, (_, i) => `Cột ${i}`)], good]), /tối đa 1\.000 cột/),
    one('a header written twice', 'trung-cot', () => xlsxOf([[...header, header[0]!], [...good, 'x']]), /có ở hai cột/),
    one('a required column missing', 'thieu-cot', () => xlsxOf([header.slice(1), good.slice(1)]), /(thiếu cột|không tìm thấy cột)/),
    one('an empty sheet', 'trang-rong', () => xlsxOf([]), /tệp rỗng/),
  ];
}

function procedures(): BadFile[] {
  const one = (what: string, file: string, cells: Partial<Record<number, string>>, message: RegExp): BadFile => ({
    name: `thu-tuc-${file}.csv`,
    what,
    bytes: () => utf8(csv([PROCEDURE_HEADER, PROCEDURE.map((c, i) => cells[i] ?? c)])),
    exit: 2,
    message,
  });
  return [
    ...tabularFileCases({ header: PROCEDURE_HEADER, good: PROCEDURE, bad: { row: PROCEDURE.map((c, i) => (i === 5 ? 'năm ngày' : c)), message: /cột "Thời hạn giải quyết": thời hạn "năm ngày" không hợp lệ/ }, rowExit: 2, prefix: 'thu-tuc' }),
    ...xlsxFileCases('thu-tuc', PROCEDURE_HEADER, PROCEDURE),
    one('no code', 'thieu-ma', { 0: '' }, /cột "Mã thủ tục": không được để trống/),
    one('no name', 'thieu-ten', { 1: '' }, /cột "Tên thủ tục": không được để trống/),
    one('no field', 'thieu-linh-vuc', { 2: '' }, /cột "Lĩnh vực": không được để trống/),
    one('a code with a space', 'ma-cach', { 0: '1.001 193' }, /không được chứa khoảng trắng/),
    one('a 61-character code', 'ma-61', { 0: repeat('1', 61) }, /dài 61 ký tự, tối đa 60/),
    one('a 1,001-character name', 'ten-1001', { 1: repeat('a', 1001) }, /dài 1\.001 ký tự, tối đa 1\.000/),
    one('a 201-character field', 'linh-vuc-201', { 2: repeat('a', 201) }, /dài 201 ký tự, tối đa 200/),
    one('a 101-character level', 'cap-101', { 3: repeat('a', 101) }, /dài 101 ký tự, tối đa 100/),
    one('a name with the replacement character', 'ten-fffd', { 1: 'Thủ t\uFFFDc' }, /đã hỏng khi chuyển bảng mã/),
    one('an unknown mode', 'muc-do', { 4: 'Mức độ 9' }, /mức độ "Mức độ 9" không hợp lệ/),
    one('days in words', 'thoi-han-chu', { 5: 'mười' }, /thời hạn "mười" không hợp lệ/),
    one('negative days', 'thoi-han-am', { 5: '-1' }, /thời hạn "-1" không hợp lệ/),
    one('days beyond ten years', 'thoi-han-9999', { 5: '9999' }, /thời hạn "9999" không hợp lệ/),
    one('days as 1e308', 'thoi-han-1e308', { 5: '1e308' }, /thời hạn "1e308" không hợp lệ/),
    one('fee neither yes nor no', 'co-phi', { 6: 'Có lẽ' }, /cột "Có phí": giá trị "Có lẽ" không hợp lệ/),
    one('interconnected neither yes nor no', 'lien-thong', { 7: 'Hai' }, /cột "Liên thông": giá trị "Hai" không hợp lệ/),
    {
      name: 'thu-tuc-trung-ma.csv',
      what: 'the same code twice',
      bytes: () => utf8(csv([PROCEDURE_HEADER, PROCEDURE, PROCEDURE])),
      exit: 2,
      message: /mã thủ tục "1\.001193" trùng với dòng 2/,
    },
    {
      name: 'thu-tuc-qua-nhieu.csv',
      what: 'more than 20,000 procedures',
      bytes: () => utf8(csv([PROCEDURE_HEADER, ...Array.from({ length: 20_001 }, (_, i) => [`1.${i}`, ...PROCEDURE.slice(1)])])),
      exit: 2,
      message: /hơn 20\.000 dòng dữ liệu/,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Dossiers (the store holds commune 01906 and procedure 1.001193)

/** The day the corpus is made: dates after it are in the future. */
const today = () => todayInVietnam();
const tomorrow = () => addDays(today(), 1);
const DOSSIER_HEADER = ['Mã hồ sơ', 'Mã đơn vị', 'Mã thủ tục', 'Kênh tiếp nhận', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày có kết quả', 'Ngày trả kết quả', 'Trạng thái', 'Số hóa đầu vào', 'Số hóa kết quả', 'Có phí', 'Thanh toán trực tuyến', 'Đánh giá'];
const DOSSIER = ['HS-0001', '01906', '1.001193', 'Trực tiếp', '03/11/2025 08:15', '03/11/2025 16:30', '03/11/2025 15:00', '03/11/2025 16:00', 'Đã trả kết quả', 'Có', 'Có', 'Không', 'Không', 'Hài lòng'];
const D = Object.fromEntries(DOSSIER_HEADER.map((h, i) => [h, i])) as Record<string, number>;

/** One dossier row with some cells changed, each rejected with the given words (exit 3: read, nothing stored). */
function dossierRowCases(): Array<{ file: string; what: string; cells: Record<string, string>; message: RegExp }> {
  return [
    { file: 'ma-101', what: 'a 101-character code', cells: { 'Mã hồ sơ': repeat('H', 101) }, message: /mã hồ sơ dài 101 ký tự, tối đa 100/ },
    { file: 'ma-tab', what: 'a code with a tab', cells: { 'Mã hồ sơ': 'HS\t1' }, message: /không được chứa dấu xuống dòng hoặc dấu tab/ },
    { file: 'ma-xuong-dong', what: 'a code with a line break', cells: { 'Mã hồ sơ': 'HS\n1' }, message: /không được chứa dấu xuống dòng/ },
    { file: 'ma-fffd', what: 'a code with the replacement character', cells: { 'Mã hồ sơ': 'HS-\uFFFD1' }, message: /đã hỏng khi chuyển bảng mã/ },
    { file: 'ma-dieu-khien', what: 'a code with a control character', cells: { 'Mã hồ sơ': 'HS\u00071' }, message: /ký tự điều khiển/ },
    { file: 'thieu-ma', what: 'no code', cells: { 'Mã hồ sơ': '' }, message: /thiếu mã hồ sơ/ },
    { file: 'don-vi-21', what: 'a 21-character unit code', cells: { 'Mã đơn vị': repeat('0', 21) }, message: /mã đơn vị dài 21 ký tự, tối đa 20/ },
    { file: 'don-vi-la', what: 'an unknown unit', cells: { 'Mã đơn vị': '99999' }, message: /không có đơn vị mã "99999"/ },
    { file: 'thu-tuc-la', what: 'an unknown procedure', cells: { 'Mã thủ tục': '9.999999' }, message: /không có thủ tục mã "9\.999999"/ },
    { file: 'thu-tuc-61', what: 'a 61-character procedure code', cells: { 'Mã thủ tục': repeat('1', 61) }, message: /mã thủ tục dài 61 ký tự, tối đa 60/ },
    { file: 'kenh', what: 'an unknown channel', cells: { 'Kênh tiếp nhận': 'Bồ câu' }, message: /kênh tiếp nhận "Bồ câu" không hợp lệ/ },
    { file: 'trang-thai', what: 'an unknown state', cells: { 'Trạng thái': 'Đã ăn' }, message: /trạng thái "Đã ăn" không hợp lệ/ },
    { file: 'thieu-ngay-nhan', what: 'no receipt date', cells: { 'Ngày tiếp nhận': '' }, message: /cột "Ngày tiếp nhận".*thiếu ngày/ },
    { file: 'ngay-31-02', what: 'an impossible receipt date', cells: { 'Ngày tiếp nhận': '31/02/2026' }, message: /ngày "31\/02\/2026" không hợp lệ/ },
    { file: 'ngay-13-thang', what: 'month 13', cells: { 'Ngày tiếp nhận': '2026-13-01' }, message: /ngày "2026-13-01" không hợp lệ/ },
    { file: 'ngay-319', what: 'a three-digit day', cells: { 'Ngày tiếp nhận': '319/01/2023' }, message: /ngày "319\/01\/2023" không hợp lệ/ },
    { file: 'ngay-2099', what: 'a receipt date in 2099', cells: { 'Ngày tiếp nhận': '01/01/2099', 'Ngày hẹn trả': '', 'Ngày có kết quả': '', 'Ngày trả kết quả': '', 'Trạng thái': 'Đang giải quyết', 'Số hóa kết quả': 'Không' }, message: /ngày 01\/01\/2099 sau ngày nhập \d\d\/\d\d\/\d{4} \(ngày trong tương lai\)/ },
    { file: 'ngay-9999', what: 'a receipt date of 31/12/9999', cells: { 'Ngày tiếp nhận': '31/12/9999', 'Ngày hẹn trả': '', 'Ngày có kết quả': '', 'Ngày trả kết quả': '', 'Trạng thái': 'Đang giải quyết', 'Số hóa kết quả': 'Không' }, message: /ngày 31\/12\/9999 sau ngày nhập/ },
    { file: 'ngay-mai', what: 'a receipt date tomorrow', cells: { 'Ngày tiếp nhận': formatDateVi(tomorrow()), 'Ngày hẹn trả': '', 'Ngày có kết quả': '', 'Ngày trả kết quả': '', 'Trạng thái': 'Đang giải quyết', 'Số hóa kết quả': 'Không' }, message: new RegExp(`ngày ${formatDateVi(tomorrow())} sau ngày nhập ${formatDateVi(today())}`) },
    { file: 'ngay-1999', what: 'a receipt date in 1999', cells: { 'Ngày tiếp nhận': '31/12/1999' }, message: /ngày 31\/12\/1999 quá sớm \(không trước 01\/01\/2000\)/ },
    { file: 'ngay-0001', what: 'a receipt date in year 1', cells: { 'Ngày tiếp nhận': '0001-01-01' }, message: /quá sớm/ },
    { file: 'gio-25', what: 'hour 25', cells: { 'Ngày tiếp nhận': '03/11/2025 25:00' }, message: /không hợp lệ/ },
    { file: 'hen-truoc-nhan', what: 'an appointment before receipt', cells: { 'Ngày hẹn trả': '01/11/2025' }, message: /ngày hẹn trả trước ngày tiếp nhận/ },
    { file: 'hen-2099', what: 'an appointment in 2099', cells: { 'Ngày hẹn trả': '01/01/2099' }, message: /cách ngày tiếp nhận hơn 5 năm/ },
    { file: 'ket-qua-tuong-lai', what: 'a result in the future', cells: { 'Ngày có kết quả': '01/01/2099', 'Ngày trả kết quả': '02/01/2099' }, message: /ngày 01\/01\/2099 sau ngày nhập/ },
    { file: 'tra-truoc-ket-qua', what: 'delivered before its result', cells: { 'Ngày trả kết quả': '03/11/2025 08:00', 'Ngày có kết quả': '04/11/2025' }, message: /ngày trả kết quả trước ngày có kết quả/ },
    { file: 'ket-qua-truoc-nhan', what: 'a result before receipt', cells: { 'Ngày có kết quả': '01/11/2025' }, message: /ngày có kết quả trước ngày tiếp nhận/ },
    { file: 'xong-khong-ngay', what: 'finished without a date', cells: { 'Ngày có kết quả': '', 'Ngày trả kết quả': '' }, message: /cần ngày có kết quả/ },
    { file: 'dang-xu-ly-co-ket-qua', what: 'in progress with a result date', cells: { 'Trạng thái': 'Đang giải quyết', 'Ngày trả kết quả': '', 'Số hóa kết quả': 'Không' }, message: /hồ sơ còn "Đang giải quyết" nhưng đã có ngày có kết quả/ },
    { file: 'so-hoa', what: 'digitized neither yes nor no', cells: { 'Số hóa đầu vào': 'Có lẽ' }, message: /giá trị "Có lẽ" không hợp lệ/ },
    { file: 'thanh-toan-khong-phi', what: 'paid online without a fee', cells: { 'Thanh toán trực tuyến': 'Có' }, message: /không có phí nhưng ghi đã thanh toán/ },
    { file: 'so-hoa-ket-qua-chua-xong', what: 'result digitized while in progress', cells: { 'Trạng thái': 'Đang giải quyết', 'Ngày có kết quả': '', 'Ngày trả kết quả': '' }, message: /chưa có kết quả nhưng ghi đã số hóa kết quả/ },
    { file: 'danh-gia', what: 'an unknown rating', cells: { 'Đánh giá': 'Tuyệt vời' }, message: /đánh giá "Tuyệt vời" không hợp lệ/ },
    { file: 'ngay-dai', what: 'a 1,000-character date', cells: { 'Ngày tiếp nhận': repeat('1', 1000) }, message: /… \(1\.000 ký tự\)/ },
  ];
}

function dossierRow(cells: Record<string, string>): string[] {
  return DOSSIER.map((value, i) => cells[DOSSIER_HEADER[i]!] ?? value);
}

function dossiersCsv(): BadFile[] {
  return [
    ...tabularFileCases({ header: DOSSIER_HEADER, good: DOSSIER, bad: { row: dossierRow({ 'Kênh tiếp nhận': 'Bồ câu' }), message: /cột "Kênh tiếp nhận", giá trị "Bồ câu": kênh tiếp nhận "Bồ câu" không hợp lệ/ }, rowExit: 3, prefix: 'ho-so' }),
    ...dossierRowCases().map(({ file, what, cells, message }): BadFile => ({
      name: `ho-so-${file}.csv`,
      what,
      bytes: () => utf8(csv([DOSSIER_HEADER, dossierRow(cells)])),
      exit: 3,
      message,
    })),
  ];
}

/** Cells only a spreadsheet can hold: real dates, booleans, rich text, formula errors. */
function xlsxDossierCellCases(): BadFile[] {
  const open = { 'Ngày hẹn trả': '', 'Ngày có kết quả': '', 'Ngày trả kết quả': '', 'Trạng thái': 'Đang giải quyết', 'Số hóa kết quả': 'Không' };
  const one = (file: string, what: string, cells: Record<string, string>, edit: (sheet: ExcelJS.Worksheet) => void, message: RegExp, exit: 2 | 3 = 3): BadFile => ({
    name: `ho-so-${file}.xlsx`,
    what,
    bytes: () => xlsxOf([DOSSIER_HEADER, dossierRow(cells)], edit),
    exit,
    message,
  });
  const at = (column: string) => `${String.fromCharCode(65 + D[column]!)}2`;
  return [
    one('ngay-excel-1899', 'an Excel date of 1899', open, (sheet) => void (sheet.getCell(at('Ngày tiếp nhận')).value = new Date(Date.UTC(1899, 11, 31))), /ngày 31\/12\/1899 quá sớm/),
    one('co-phi-so', 'a number 2 for a fee', {}, (sheet) => void (sheet.getCell(at('Có phí')).value = 2), /cột "Có phí", giá trị "2"/),
    one('trang-thai-rich-text', 'an unknown state in rich text', {}, (sheet) => void (sheet.getCell(at('Trạng thái')).value = { richText: [{ text: 'Đã ' }, { text: 'xong', font: { bold: true } }] }), /trạng thái "Đã xong" không hợp lệ/),
    one('ngay-loi-cong-thuc', 'a formula error in the receipt date', {}, (sheet) => void (sheet.getCell(at('Ngày tiếp nhận')).value = { formula: 'DATE(2025,13,45)/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue), /cột "Ngày tiếp nhận".*thiếu ngày/),
    one('hen-excel-2099', 'an Excel appointment in 2099', {}, (sheet) => void (sheet.getCell(at('Ngày hẹn trả')).value = new Date(Date.UTC(2099, 5, 1))), /cách ngày tiếp nhận hơn 5 năm/),
    one('ket-qua-excel-truoc-nhan', 'an Excel result before receipt', {}, (sheet) => void (sheet.getCell(at('Ngày có kết quả')).value = new Date(Date.UTC(2025, 9, 1, 9, 0))), /ngày có kết quả trước ngày tiếp nhận/),
    {
      name: 'ho-so-dong-tieu-de-phia-tren.xlsx',
      what: 'a title row above the header',
      bytes: () => xlsxOf([['DANH SÁCH HỒ SƠ TIẾP NHẬN QUÝ IV'], DOSSIER_HEADER, DOSSIER]),
      exit: 2,
      message: /dòng 1, cột "Mã hồ sơ": không tìm thấy cột "Mã hồ sơ"/,
    },
    {
      name: 'ho-so-trang-dau-rong.xlsx',
      what: 'an empty first sheet before the data',
      bytes: async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet('Trống');
        const data = workbook.addWorksheet('Hồ sơ');
        data.addRow(DOSSIER_HEADER);
        data.addRow(DOSSIER);
        return Buffer.from(await workbook.xlsx.writeBuffer());
      },
      exit: 2,
      message: /tệp rỗng, không có dòng tiêu đề/,
    },
  ];
}

function dossiersXlsx(): BadFile[] {
  return [
    ...xlsxFileCases('ho-so', DOSSIER_HEADER, DOSSIER),
    // Excel writes a control character as the text "_x0007_", which is a valid code: not bad in an XLSX.
    ...dossierRowCases().filter(({ file }) => file !== 'ma-dieu-khien').map(({ file, what, cells, message }): BadFile => ({
      name: `ho-so-${file}.xlsx`,
      what,
      bytes: () => xlsxOf([DOSSIER_HEADER, dossierRow(cells)]),
      exit: 3,
      message,
    })),
    {
      name: 'ho-so-ngay-excel-2099.xlsx',
      what: 'a real Excel date in 2099',
      bytes: () => xlsxOf([DOSSIER_HEADER, dossierRow({ 'Ngày hẹn trả': '', 'Ngày có kết quả': '', 'Ngày trả kết quả': '', 'Trạng thái': 'Đang giải quyết', 'Số hóa kết quả': 'Không' })], (sheet) => {
        sheet.getCell('E2').value = new Date(Date.UTC(2099, 0, 1, 8, 0));
      }),
      exit: 3,
      message: /ngày 01\/01\/2099 sau ngày nhập/,
    },
    ...xlsxDossierCellCases(),
    {
      name: 'ho-so-so-thay-ngay.xlsx',
      what: 'a number where a date belongs',
      bytes: () => xlsxOf([DOSSIER_HEADER, dossierRow({})], (sheet) => {
        sheet.getCell('E2').value = 45_000;
      }),
      exit: 3,
      message: /ngày "45000" không hợp lệ/,
    },
    {
      name: 'ho-so-cong-thuc-loi.xlsx',
      what: 'a formula whose result is an error',
      bytes: () => xlsxOf([DOSSIER_HEADER, dossierRow({})], (sheet) => {
        sheet.getCell('D2').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
      }),
      exit: 3,
      message: /thiếu kênh tiếp nhận|kênh tiếp nhận "#DIV\/0!" không hợp lệ/,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Interchange files: `cchc check` and `cchc export`

const VALID_INTERCHANGE = { template: 'mac-dinh-xa', unit: '01906', period: '2026-Q1', values: { '3.4.1': 12 } };

function interchangeCases(prefix: string, base: Record<string, unknown>): BadFile[] {
  const one = (what: string, file: string, value: unknown, message: RegExp): BadFile => ({ name: `${prefix}-${file}.json`, what, bytes: () => json(value), exit: 2, message });
  const withField = (field: string, value: unknown) => ({ ...base, [field]: value });
  const withValue = (value: unknown) => ({ ...base, values: { '3.4.1': value } });
  return [
    ...jsonSyntaxCases(prefix, JSON.stringify(base)),
    one('an array', 'mang', [base], /tệp phải là một đối tượng JSON/),
    one('a string', 'chuoi', 'mac-dinh-xa', /tệp phải là một đối tượng JSON/),
    one('null', 'null', null, /tệp phải là một đối tượng JSON/),
    one('no template', 'thieu-bieu-mau', { ...base, template: undefined }, /trường "template": thiếu trường này/),
    one('an empty template', 'bieu-mau-rong', withField('template', ''), /trường "template": không được để trống/),
    one('a numeric template', 'bieu-mau-so', withField('template', 5), /trường "template": phải là chuỗi chữ/),
    one('an unknown template', 'bieu-mau-la', withField('template', 'khong-co'), /Không có biểu mẫu "khong-co"/),
    one('a 101-character template', 'bieu-mau-101', withField('template', repeat('a', 101)), /dài quá 100 ký tự/),
    one('another template version', 'phien-ban', withField('templateVersion', '0.0.1'), /tệp ghi phiên bản 0\.0\.1/),
    one('a unit code with a space', 'don-vi-cach', withField('unit', '01 906'), /trường "unit": mã đơn vị chỉ gồm/),
    one('a 21-character unit code', 'don-vi-21', withField('unit', repeat('1', 21)), /trường "unit": dài quá 20 ký tự/),
    one('period 2026-Q9', 'ky-q9', withField('period', '2026-Q9'), /trường "period": Kỳ báo cáo không hợp lệ: "2026-Q9"/),
    one('period 2026-Q0', 'ky-q0', withField('period', '2026-Q0'), /Kỳ báo cáo không hợp lệ: "2026-Q0"/),
    one('period 2026-M13', 'ky-m13', withField('period', '2026-M13'), /Kỳ báo cáo không hợp lệ: "2026-M13"/),
    one('period 2026-H3', 'ky-h3', withField('period', '2026-H3'), /Kỳ báo cáo không hợp lệ: "2026-H3"/),
    one('period 1899', 'ky-1899', withField('period', '1899'), /năm phải từ 1900 đến 2100/),
    one('period 2101', 'ky-2101', withField('period', '2101-Q1'), /năm phải từ 1900 đến 2100/),
    one('period in words', 'ky-chu', withField('period', 'quý một'), /Kỳ báo cáo không hợp lệ: "quý một"/),
    one('a numeric period', 'ky-so', withField('period', 2026), /trường "period": phải là chuỗi chữ/),
    one('an impossible custom period', 'ky-tu-chon', withField('period', '2026-02-31..2026-03-10'), /Kỳ báo cáo không hợp lệ|không hợp lệ/),
    one('report date 2026-02-31', 'ngay-31-02', withField('reportDate', '2026-02-31'), /trường "reportDate": ngày "2026-02-31" không hợp lệ/),
    one('report date 9999-12-31', 'ngay-9999', withField('reportDate', '9999-12-31'), /ngày 31\/12\/9999 ngoài khoảng 01\/01\/2000–31\/12\/2100/),
    one('report date 1999', 'ngay-1999', withField('reportDate', '31/12/1999'), /ngoài khoảng/),
    one('report date in words', 'ngay-chu', withField('reportDate', 'hôm nay'), /ngày "hôm nay" không hợp lệ/),
    one('no values', 'thieu-gia-tri', { ...base, values: undefined }, /trường "values"/),
    one('values as a list', 'gia-tri-mang', withField('values', [1, 2]), /trường "values": phải là một đối tượng/),
    one('values as text', 'gia-tri-chuoi', withField('values', 'mười hai'), /trường "values": phải là một đối tượng/),
    one('a value that is an object', 'gia-tri-doi-tuong', withValue({ a: 1 }), /giá trị phải là số, chuỗi chữ hoặc null/),
    one('a value that is a list', 'gia-tri-mang-con', withValue([1]), /giá trị phải là số, chuỗi chữ hoặc null/),
    one('a value that is true', 'gia-tri-dung', withValue(true), /giá trị phải là số, chuỗi chữ hoặc null/),
    one('a value of 1e16', 'gia-tri-1e16', withValue(1e16), /số vượt quá 1e\+15 về độ lớn/),
    one('a value of -1e300', 'gia-tri-am', withValue(-1e300), /số vượt quá 1e\+15 về độ lớn/),
    one('a text value of 4,001 characters', 'gia-tri-dai', withValue(repeat('a', 4_001)), /dài quá 4000 ký tự/),
    one('a 100,004-character value', 'gia-tri-100004', withValue(repeat('9', 100_004)), /dài quá 4000 ký tự/),
    one('a 101-character row code', 'ma-dong-101', withField('values', { [repeat('1', 101)]: 1 }), /dài quá 100 ký tự/),
    one('2,001 values', 'qua-nhieu-gia-tri', withField('values', Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`r${i}`, i]))), /tối đa 2000 dòng/),
    { name: `${prefix}-qua-10mb.json`, what: 'a file over 10 MB', bytes: () => utf8(JSON.stringify({ ...base, pad: repeat(' ', 10 * 1024 * 1024) })), exit: 2, message: /tối đa 10 MB/ },
    { name: `${prefix}-utf16-ky-q9.json`, what: 'UTF-16 with period 2026-Q9', bytes: () => utf16le(JSON.stringify(withField('period', '2026-Q9'))), exit: 2, message: /"2026-Q9"/ },
    { name: `${prefix}-bom-ky-q9.json`, what: 'UTF-8 with BOM and period 2026-Q9', bytes: () => bytes([0xef, 0xbb, 0xbf], JSON.stringify(withField('period', '2026-Q9'))), exit: 2, message: /"2026-Q9"/ },
  ];
}

function check(): BadFile[] {
  return interchangeCases('so-lieu', VALID_INTERCHANGE);
}

function exportFiles(): BadFile[] {
  const base = { ...VALID_INTERCHANGE, meta: { unitName: 'UBND xã Ba Bể' } };
  const one = (what: string, file: string, value: unknown, message: RegExp): BadFile => ({ name: `van-ban-${file}.json`, what, bytes: () => json(value), exit: 2, message });
  return [
    ...interchangeCases('van-ban', base),
    one('no unit name', 'thieu-ten-don-vi', { ...base, meta: {} }, /cần trường "meta\.unitName"/),
    one('meta as text', 'meta-chuoi', { ...base, meta: 'UBND' }, /trường "meta"/),
    one('neither period nor summary', 'thieu-ky', { ...base, period: undefined }, /cần trường "period"/),
    one('a value that is not a number', 'gia-tri-chu', { ...base, values: { '3.4.1': 'mười hai' } }, /"mười hai" không phải là số/),
    one('an unknown row', 'dong-la', { ...base, values: { '9.9.9': 1 } }, /không có dòng "9\.9\.9"/),
    one('narrative as a number', 'noi-dung-so', { ...base, narrative: 5 }, /Nội dung báo cáo \(narrative\) không hợp lệ/),
    one('narrative nested 40 levels', 'noi-dung-long', { ...base, narrative: JSON.parse(deep(40, '{}')) }, /lồng nhau quá 32 cấp/),
  ];
}

export function badFiles(kind: CorpusKind): BadFile[] {
  switch (kind) {
    case 'units-csv':
      return unitsCsv();
    case 'units-json':
      return unitsJson();
    case 'procedures':
      return procedures();
    case 'dossiers-csv':
      return dossiersCsv();
    case 'dossiers-xlsx':
      return dossiersXlsx();
    case 'check':
      return check();
    case 'export':
      return exportFiles();
  }
}
