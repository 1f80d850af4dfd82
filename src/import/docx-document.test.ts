import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docTables } from '../domain/legacy/document';
import { DOCX_LIMITS, parseDocumentXml, readDocxDocument } from './docx-document';
import { writeZip } from './testing/zip-writer';
import { UnreadableFileError } from './unreadable-file-error';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const body = (inner: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${inner}</w:body></w:document>`;
const p = (...runs: string[]) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs.map((r) => `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`).join('')}</w:p>`;
const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

const dir = mkdtempSync(join(tmpdir(), 'cchc-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

describe('parseDocumentXml', () => {
  it('reads paragraphs joined from their runs, tabs and breaks, but not tab stops or deleted text', () => {
    const doc = parseDocumentXml(
      body(
        p('Báo cáo ', 'số 12/BC-UBND') +
          '<w:p><w:r><w:t>Tiếp nhận</w:t><w:tab/><w:t>1.224</w:t><w:br/><w:t>hồ sơ</w:t></w:r><w:del><w:r><w:delText>xóa</w:delText></w:r></w:del></w:p>',
      ),
    );
    expect(doc.blocks).toEqual([
      { type: 'paragraph', text: 'Báo cáo số 12/BC-UBND' },
      { type: 'paragraph', text: 'Tiếp nhận 1.224\nhồ sơ' },
    ]);
  });

  it('lays tables on their grid: a horizontal merge covers the cells to its right, a vertical one the cells below', () => {
    const doc = parseDocumentXml(
      body(
        p('trước') +
          '<w:tbl>' +
          tr(tc('STT', '<w:vMerge w:val="restart"/>'), tc('Chỉ tiêu', '<w:vMerge w:val="restart"/>'), tc('Kết quả', '<w:gridSpan w:val="2"/>')) +
          tr(tc('', '<w:vMerge/>'), tc('', '<w:vMerge/>'), tc('Đơn vị tính'), tc('Số liệu')) +
          tr(tc('1.1.'), tc('Tỷ lệ'), tc('%'), tc('99,9')) +
          '</w:tbl>' +
          p('sau'),
      ),
    );
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const [table] = docTables(doc);
    expect(table!.index).toBe(1);
    expect(table!.rows).toEqual([
      [{ text: 'STT' }, { text: 'Chỉ tiêu' }, { text: 'Kết quả' }, { text: 'Kết quả', covered: 'left' }],
      [{ text: 'STT', covered: 'above' }, { text: 'Chỉ tiêu', covered: 'above' }, { text: 'Đơn vị tính' }, { text: 'Số liệu' }],
      [{ text: '1.1.' }, { text: 'Tỷ lệ' }, { text: '%' }, { text: '99,9' }],
    ]);
  });

  it('keeps a table nested in a cell as that cell text, and bounds a hostile gridSpan and the number of cells', () => {
    const nested = `<w:tc>${p('ngoài')}<w:tbl>${tr(tc('a'), tc('b'))}</w:tbl>${p('')}</w:tc>`;
    const doc = parseDocumentXml(body(`<w:tbl>${tr(nested, tc('x', '<w:gridSpan w:val="100000"/>'))}</w:tbl>`));
    const [table] = docTables(doc);
    expect(docTables(doc)).toHaveLength(1);
    expect(table!.rows[0]![0]!.text).toBe('ngoài\na b');
    expect(table!.rows[0]).toHaveLength(1 + 63);
    const many = `<w:tbl>${tr(...Array.from({ length: 20 }, () => tc('1')))}</w:tbl>`;
    expect(() => parseDocumentXml(body(many), { ...DOCX_LIMITS, cells: 10 })).toThrow(/ô bảng/);
  });

  it('refuses XML that is not well formed, in Vietnamese', () => {
    expect(() => parseDocumentXml(`<w:document ${W}><w:body><w:p></w:body>`)).toThrow(UnreadableFileError);
    expect(() => parseDocumentXml('<w:document><w:p>')).toThrow(/XML không hợp lệ/);
  });
});

describe('readDocxDocument: files that are not a readable DOCX', () => {
  const documentXml = Buffer.from(body(p('Xin chào')), 'utf8');

  it('reads a minimal DOCX', async () => {
    const path = file('ok.docx', writeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: documentXml }]));
    expect((await readDocxDocument(path)).blocks).toEqual([{ type: 'paragraph', text: 'Xin chào' }]);
  });

  const cases: Array<[string, Buffer, RegExp]> = [
    ['a text file', Buffer.from('BÁO CÁO\nSố liệu 1.224\n'), /không phải tệp DOCX hợp lệ/],
    ['an empty file', Buffer.alloc(0), /không phải tệp DOCX hợp lệ/],
    ['a Word 97–2003 .doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), /Word 97–2003 \(\.doc\)/],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), /tệp là PDF/],
    ['an XLSX (a ZIP without word/document.xml)', writeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]), /thiếu phần word\/document\.xml/],
    ['a truncated DOCX', writeZip([{ name: 'word/document.xml', data: documentXml }]).subarray(0, 40), /không phải tệp DOCX hợp lệ|bị hỏng/],
    ['a document.xml that is not XML', writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document><w:body>') }]), /XML không hợp lệ/],
  ];
  it.each(cases)('refuses %s with a Vietnamese reason', async (_what, data, message) => {
    const path = file(`bad-${Math.random().toString(36).slice(2)}.docx`, data);
    await expect(readDocxDocument(path)).rejects.toThrow(message);
    await expect(readDocxDocument(path)).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it('refuses a zip bomb: declared too big, lying about its size, or too many parts', async () => {
    const limits = { ...DOCX_LIMITS, documentBytes: 100_000, entries: 50 };
    const big = Buffer.from(body(p('0'.repeat(200_000))), 'utf8');
    const honest = file('bomb-honest.docx', writeZip([{ name: 'word/document.xml', data: big }]));
    await expect(readDocxDocument(honest, limits)).rejects.toThrow(/bom nén/);
    const lying = file('bomb-lying.docx', writeZip([{ name: 'word/document.xml', data: big, declaredSize: 1000 }]));
    await expect(readDocxDocument(lying, limits)).rejects.toBeInstanceOf(UnreadableFileError);
    const parts = file('bomb-parts.docx', writeZip(Array.from({ length: 60 }, (_, i) => ({ name: `word/p${i}.xml`, data: Buffer.from('<x/>') }))));
    await expect(readDocxDocument(parts, limits)).rejects.toThrow(/60 phần/);
  });

  it('says a missing file or a folder is not there', async () => {
    await expect(readDocxDocument(join(dir, 'khong-co.docx'))).rejects.toThrow(/không tìm thấy tệp/);
    await expect(readDocxDocument(dir)).rejects.toBeInstanceOf(UnreadableFileError);
  });
});
