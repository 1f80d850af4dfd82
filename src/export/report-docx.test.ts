import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultNarrative, editGenerated, type GeneratedBlock, type Narrative } from '../domain/narrative/narrative';
import { loadTemplate } from '../domain/templates/load-template';
import type { Template } from '../domain/templates/template';
import { demoByField, demoEmptyRows, demoMeta, demoNarrative, demoValues } from './fixtures/report-fixture';
import { all, alignment, childrenNamed, first, openDocx, paragraphWith, parseXml, runsOf, textOf, type DocxParts, type XmlElement } from './fixtures/ooxml';
import { DOCX_LAYOUT, reportDocx, textWidth } from './report-docx';

const TEMPLATE_PATH = fileURLToPath(new URL('../../templates/mac-dinh-xa.yaml', import.meta.url));
const template: Template = loadTemplate(readFileSync(TEMPLATE_PATH, 'utf8'), 'templates/mac-dinh-xa.yaml');
const values = demoValues(template);

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** The one run of a paragraph with exactly this text. */
function formatOf(root: XmlElement, text: string) {
  const paragraph = paragraphWith(root, text);
  expect(paragraph, `paragraph "${text}"`).toBeDefined();
  const runs = runsOf(paragraph!).filter((r) => r.text !== '');
  expect(runs).toHaveLength(1);
  return { ...runs[0]!, align: alignment(paragraph!) };
}

function sections(document: XmlElement): XmlElement[] {
  return all(document, 'w:sectPr');
}

describe('reportDocx: the demo report on mac-dinh-xa', () => {
  let docx: DocxParts;
  let body: XmlElement;

  beforeAll(async () => {
    const buffer = await reportDocx({ template, values, meta: demoMeta, narrative: demoNarrative(), byField: demoByField });
    docx = await openDocx(buffer);
    body = first(docx.document, 'w:body')!;
  });

  it('is A4 portrait with the margins of Decree 30/2020 (top 20, bottom 20, left 30, right 15 mm)', () => {
    const main = sections(docx.document)[0]!;
    expect(first(main, 'w:pgSz')!.attributes).toMatchObject({ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
    const margin = first(main, 'w:pgMar')!.attributes;
    expect(Number(margin['w:top'])).toBe(twips(20));
    expect(Number(margin['w:bottom'])).toBe(twips(20));
    expect(Number(margin['w:left'])).toBe(twips(30));
    expect(Number(margin['w:right'])).toBe(twips(15));
    // Inside the decree's ranges.
    const { top, bottom, left, right } = DOCX_LAYOUT.marginsMm;
    expect([top >= 20 && top <= 25, bottom >= 20 && bottom <= 25, left >= 30 && left <= 35, right >= 15 && right <= 20]).toEqual([true, true, true, true]);
  });

  it('writes every run in Times New Roman, and the document default too', () => {
    const fonts = all(docx.document, 'w:rFonts').map((f) => [f.attributes['w:ascii'], f.attributes['w:hAnsi'], f.attributes['w:cs']]);
    expect(fonts.length).toBeGreaterThan(100);
    expect(new Set(fonts.flat())).toEqual(new Set(['Times New Roman']));
    const defaults = first(first(docx.styles, 'w:docDefaults')!, 'w:rFonts')!;
    expect(defaults.attributes['w:ascii']).toBe('Times New Roman');
  });

  it('lays out the header in a two-column table without borders', () => {
    const header = childrenNamed(body, 'w:tbl')[0]!;
    expect(all(header, 'w:gridCol')).toHaveLength(2);
    const borders = first(first(header, 'w:tblPr')!, 'w:tblBorders')!;
    expect(borders.children.filter((c) => typeof c !== 'string').map((b) => (b as XmlElement).attributes['w:val'])).toEqual(Array(6).fill('none'));
    const [top, bottom] = childrenNamed(header, 'w:tr');
    const [left, right] = childrenNamed(top!, 'w:tc');
    // The parent body is too wide for the column at 13 pt: split where the halves balance.
    expect(childrenNamed(left!, 'w:p').map(textOf)).toEqual(['UBND THÀNH PHỐ', 'THÁI NGUYÊN', 'ỦY BAN NHÂN DÂN', 'XÃ THỊNH ĐỨC', '']);
    expect(childrenNamed(right!, 'w:p').map(textOf)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '']);
    const [number, placeDate] = childrenNamed(bottom!, 'w:tc');
    expect(textOf(number!)).toBe('Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND');
    expect(textOf(placeDate!)).toBe('Thịnh Đức, ngày \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 tháng 3 năm 2024');
  });

  it('sizes each header element as the decree says', () => {
    expect(formatOf(body, 'UBND THÀNH PHỐ')).toMatchObject({ size: 13, bold: false, italic: false, align: 'center', font: 'Times New Roman' });
    expect(formatOf(body, 'ỦY BAN NHÂN DÂN')).toMatchObject({ size: 13, bold: true, italic: false, align: 'center' });
    expect(formatOf(body, 'XÃ THỊNH ĐỨC')).toMatchObject({ size: 13, bold: true, align: 'center' });
    expect(formatOf(body, `Số: ${'\u00a0'.repeat(7)}/BC-UBND`)).toMatchObject({ size: 13, bold: false, italic: false });
    expect(formatOf(body, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ size: 13, bold: true, italic: false, align: 'center' });
    expect(formatOf(body, 'Độc lập - Tự do - Hạnh phúc')).toMatchObject({ size: 14, bold: true, italic: false, align: 'center' });
    expect(formatOf(body, `Thịnh Đức, ngày ${'\u00a0'.repeat(7)} tháng 3 năm 2024`)).toMatchObject({ size: 14, bold: false, italic: true, align: 'center' });
    expect(formatOf(body, 'BÁO CÁO')).toMatchObject({ size: 14, bold: true, italic: false, align: 'center' });
    expect(formatOf(body, 'Kết quả công tác cải cách hành chính quý I năm 2024')).toMatchObject({ size: 14, bold: true, align: 'center' });
    expect(formatOf(body, '(Số liệu tính từ ngày 15/12/2023 đến ngày 14/03/2024)')).toMatchObject({ size: 14, italic: true, align: 'center' });
  });

  it('draws the lines: under the issuer (shorter than it), under the motto (as long as it), under the summary', () => {
    const lines = all(body, 'w:p').filter((p) => first(p, 'w:pBdr') !== undefined);
    expect(lines).toHaveLength(3);
    const [issuerLine, mottoLine] = lines.map((p) => {
      const indent = first(p, 'w:ind')!.attributes;
      return { left: Number(indent['w:left']), right: Number(indent['w:right']) };
    });
    const leftText = DOCX_LAYOUT.headerLeft - 216;
    const issuerLength = leftText - issuerLine!.left - issuerLine!.right;
    const issuerWidth = textWidth('ỦY BAN NHÂN DÂN', 13, true);
    expect(issuerLength / issuerWidth).toBeGreaterThanOrEqual(0.33);
    expect(issuerLength / issuerWidth).toBeLessThanOrEqual(0.5);
    const rightText = DOCX_LAYOUT.page.width - twips(30) - twips(15) - DOCX_LAYOUT.headerLeft - 216;
    expect(Math.abs(rightText - mottoLine!.left - mottoLine!.right - textWidth('Độc lập - Tự do - Hạnh phúc', 14, true))).toBeLessThanOrEqual(2);
  });

  it('justifies the body at 14 pt with a first-line indent', () => {
    const paragraph = paragraphWith(body, 'Trong quá trình triển khai thực hiện Kế hoạch', true)!;
    expect(alignment(paragraph)).toBe('both');
    expect(first(paragraph, 'w:ind')!.attributes['w:firstLine']).toBe(String(DOCX_LAYOUT.firstLineIndent));
    expect(new Set(runsOf(paragraph).map((r) => r.size))).toEqual(new Set([14]));
    expect(formatOf(body, 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH')).toMatchObject({ size: 14, bold: true, align: 'both' });
    expect(formatOf(body, '2. Cải cách thủ tục hành chính')).toMatchObject({ size: 14, bold: true });
    const bold = runsOf(paragraphWith(body, 'Tổng số văn bản rà soát là', true)!).find((r) => r.text === '329');
    expect(bold).toMatchObject({ bold: true, size: 14 });
  });

  it('writes the one-stop paragraph from the report values, in vi-VN numbers', () => {
    const paragraph = paragraphWith(body, 'Trong kỳ báo cáo (từ ngày 15/12/2023 đến ngày 14/03/2024)', true)!;
    expect(textOf(paragraph)).toBe(
      'Trong kỳ báo cáo (từ ngày 15/12/2023 đến ngày 14/03/2024), UBND xã Thịnh Đức tiếp nhận 1.224 hồ sơ thủ tục hành chính, ' +
        'trong đó: trực tiếp 800 hồ sơ, trực tuyến 400 hồ sơ (toàn trình 150 hồ sơ, một phần 250 hồ sơ), ' +
        'qua dịch vụ bưu chính công ích 24 hồ sơ; số hồ sơ tồn kỳ trước chuyển sang là 36 hồ sơ; ' +
        'tổng số hồ sơ phải giải quyết là 1.260 hồ sơ. ' +
        'Đã giải quyết xong 1.180 hồ sơ, trong đó giải quyết trước hạn 900 hồ sơ, đúng hạn 224 hồ sơ, quá hạn 56 hồ sơ; ' +
        'số hồ sơ giải quyết đúng hạn (kể cả trước hạn) là 1.124 hồ sơ (đạt 95,25%). ' +
        'Đang giải quyết 60 hồ sơ, trong đó còn trong hạn 55 hồ sơ, đã quá hạn 5 hồ sơ; ' +
        'có 3 hồ sơ đang tạm dừng, chờ bổ sung, hoàn thiện. ' +
        'Trả lại 15 hồ sơ do không đủ điều kiện giải quyết; tổ chức, cá nhân xin rút 5 hồ sơ.',
    );
    // The same figures as the appendix rows 3.4.2, 3.4.3 and 3.5.1.
    expect(values.get('r_3_4_2')?.value).toBe(1224);
    expect(values.get('r_3_4_3')?.value).toBe(1260);
    expect(values.get('r_3_5_1')?.value).toBe(95.25);
    expect(textOf(paragraphWith(body, 'Phân theo lĩnh vực:', true)!)).toBe(
      'Phân theo lĩnh vực: Hộ tịch tiếp nhận 700 hồ sơ, giải quyết xong 690 hồ sơ (đúng hạn đạt 97,1%); ' +
        'Chứng thực tiếp nhận 420 hồ sơ, giải quyết xong 420 hồ sơ (đúng hạn đạt 100%); ' +
        'Đất đai tiếp nhận 104 hồ sơ, giải quyết xong 70 hồ sơ (đúng hạn đạt 48,57%).',
    );
  });

  it('puts the signature block beside "Nơi nhận:" with the sizes of the decree', () => {
    const tables = childrenNamed(body, 'w:tbl');
    const signature = tables[1]!;
    const [left, right] = childrenNamed(first(signature, 'w:tr')!, 'w:tc');
    expect(childrenNamed(left!, 'w:p').map(textOf)).toEqual([
      'Nơi nhận:',
      '- Sở Nội vụ tỉnh (b/c);',
      '- TT Đảng ủy, TT HĐND xã;',
      '- Lãnh đạo UBND xã;',
      '- Cán bộ, công chức chuyên môn;',
      '- Lưu: VT.',
    ]);
    expect(formatOf(left!, 'Nơi nhận:')).toMatchObject({ size: 12, bold: true, italic: true });
    expect(formatOf(left!, '- Lưu: VT.')).toMatchObject({ size: 11, bold: false, italic: false });
    const lines = childrenNamed(right!, 'w:p').map(textOf).filter((t) => t !== '');
    expect(lines).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Hoàng Văn Thâm']);
    for (const line of lines) expect(formatOf(right!, line)).toMatchObject({ size: 14, bold: true, align: 'center' });
  });

  it('numbers pages from page 2: a first-page header without a number, a default header with PAGE', async () => {
    const main = sections(docx.document)[0]!;
    expect(first(main, 'w:titlePg')).toBeDefined();
    const refs = all(main, 'w:headerReference');
    const header = async (type: string) => docx.target(refs.find((r) => r.attributes['w:type'] === type)!.attributes['r:id']!);
    const fieldText = (h: XmlElement) => all(h, 'w:instrText').map((i) => i.children.join('')).join('');
    expect(fieldText(await header('default'))).toContain('PAGE');
    expect(fieldText(await header('first'))).not.toContain('PAGE');
    const pageRun = runsOf(first(await header('default'), 'w:p')!)[0]!;
    expect(pageRun).toMatchObject({ size: 14, font: 'Times New Roman' });
  });

  it('puts the appendix in its own section, numbered apart, with one table row per template row plus the header', () => {
    const [, appendixSection] = sections(docx.document);
    expect(appendixSection).toBeDefined();
    expect(first(appendixSection!, 'w:pgNumType')!.attributes['w:start']).toBe('1');
    expect(first(appendixSection!, 'w:pgSz')!.attributes['w:orient']).toBe('portrait');
    const table = childrenNamed(body, 'w:tbl').at(-1)!;
    const rows = childrenNamed(table, 'w:tr');
    expect(template.rows).toHaveLength(121);
    expect(rows).toHaveLength(template.rows.length + 1);
    const headerRow = rows[0]!;
    expect(first(headerRow, 'w:tblHeader')).toBeDefined();
    expect(childrenNamed(headerRow, 'w:tc').map(textOf)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu']);
    expect(paragraphWith(body, 'PHỤ LỤC SỐ LIỆU BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CỦA UBND CẤP XÃ')).toBeDefined();
    expect(textOf(paragraphWith(body, '(Kèm theo Báo cáo số', true)!)).toBe(
      '(Kèm theo Báo cáo số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND ngày \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/03/2024 của UBND xã Thịnh Đức)',
    );
  });

  it('prints codes, labels, units and vi-VN values; "Trong đó" before the first part; blank cells where there is no value', () => {
    const table = childrenNamed(body, 'w:tbl').at(-1)!;
    const cells = childrenNamed(table, 'w:tr')
      .slice(1)
      .map((tr) => childrenNamed(tr, 'w:tc').map(textOf));
    const byId = new Map(template.rows.map((row, i) => [row.id, cells[i]!]));
    expect(byId.get('r_1')).toEqual(['1.', 'Công tác chỉ đạo, điều hành CCHC', '', '']);
    expect(byId.get('r_1_2')).toEqual(['1.2.', 'Tỷ lệ hoàn thành kế hoạch CCHC năm (lũy kế đến thời điểm báo cáo)', '%', '37,5']);
    expect(byId.get('r_1_2_a')).toEqual(['Trong đó', 'Số nhiệm vụ đề ra trong kế hoạch', 'Nhiệm vụ', '8']);
    expect(byId.get('r_1_2_b')).toEqual(['', 'Số nhiệm vụ đã hoàn thành', 'Nhiệm vụ', '3']);
    expect(byId.get('r_3_4_2')).toEqual(['3.4.2.', 'Số hồ sơ tiếp nhận trong kỳ', 'Hồ sơ', '1.224']);
    expect(byId.get('r_3_4_3')![3]).toBe('1.260');
    expect(byId.get('r_3_5_1')![3]).toBe('95,25');
    expect(byId.get('r_3_4_4')![3]).toBe('32,68');
    expect(byId.get('r_6_1_b')![3]).toBe('8.437,5');
    expect(byId.get('r_1_6_2')).toEqual(['1.6.2.', 'Hình thức khảo sát', 'Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2', '1']);
    expect(byId.get('r_1_1')![3]).toBe('Kế hoạch số 08/KH-UBND ngày 12/01/2024');
    for (const id of demoEmptyRows) expect(byId.get(id)![3], id).toBe('');
    // Parts are indented; "Trong đó" is italic.
    const partRow = childrenNamed(table, 'w:tr')[1 + template.rows.findIndex((r) => r.id === 'r_3_4_2_b_1')]!;
    const [code, label] = childrenNamed(partRow, 'w:tc');
    expect(textOf(code!)).toBe('Trong đó');
    expect(runsOf(code!)[0]).toMatchObject({ italic: true, size: 12 });
    expect(first(label!, 'w:ind')!.attributes['w:left']).toBe(String(2 * 284));
  });
});

describe('reportDocx: variants', () => {
  it('prints "Kính gửi", a filled number and date, a direct signature; keeps an edited generated paragraph', async () => {
    const narrative = demoNarrative();
    const procedures = narrative.sections[1]!.children![1]!;
    const index = procedures.blocks.findIndex((b) => b.type === 'generated' && b.key === 'one_stop');
    procedures.blocks[index] = editGenerated({ ...(procedures.blocks[index] as GeneratedBlock), text: 'bản cũ' }, 'Đoạn do cán bộ tự viết lại.');
    const buffer = await reportDocx({
      template,
      values,
      meta: {
        ...demoMeta,
        parentBody: [],
        number: '165',
        date: '2022-06-13',
        addressees: ['Hội đồng nhân dân xã Lai Hưng'],
        signature: { onBehalfOf: 'ỦY BAN NHÂN DÂN', authority: 'direct', headTitle: 'CHỦ TỊCH', signerTitle: null, name: 'Bành Quốc Trung' },
      },
      narrative,
    });
    const { document } = await openDocx(buffer);
    expect(paragraphWith(document, 'Số: 165/BC-UBND')).toBeDefined();
    expect(paragraphWith(document, 'Thịnh Đức, ngày 13 tháng 6 năm 2022')).toBeDefined();
    expect(formatOf(document, 'Kính gửi: Hội đồng nhân dân xã Lai Hưng.')).toMatchObject({ size: 14, align: 'center' });
    expect(paragraphWith(document, 'Đoạn do cán bộ tự viết lại.')).toBeDefined();
    expect(paragraphWith(document, 'tiếp nhận 1.224 hồ sơ', true)).toBeUndefined();
    expect(paragraphWith(document, 'CHỦ TỊCH')).toBeDefined();
    expect(paragraphWith(document, 'KT. CHỦ TỊCH')).toBeUndefined();
    expect(paragraphWith(document, '(Kèm theo Báo cáo số 165/BC-UBND ngày 13/06/2022 của UBND xã Thịnh Đức)')).toBeDefined();
  });

  it('turns the appendix landscape for a roll-up with one column per unit', async () => {
    const columns = ['Xã A', 'Xã B', 'Xã C'].map((header) => ({ header, values }));
    const { document } = await openDocx(await reportDocx({ template, values, meta: demoMeta, narrative: demoNarrative(), appendix: { columns } }));
    const appendix = sections(document)[1]!;
    expect(first(appendix, 'w:pgSz')!.attributes).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    const table = all(document, 'w:tbl').at(-1)!;
    expect(childrenNamed(childrenNamed(table, 'w:tr')[0]!, 'w:tc').map(textOf)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Xã A', 'Xã B', 'Xã C']);
  });

  it('refuses malformed metadata', async () => {
    await expect(reportDocx({ template, values, meta: { ...demoMeta, date: '2024-02-30' }, narrative: demoNarrative() })).rejects.toThrow();
    await expect(reportDocx({ template, values, meta: demoMeta, narrative: { sections: [{ id: 'x' }] } })).rejects.toThrow();
  });
});

describe("reportDocx: the template's outline of the narrative", () => {
  /** The body's section headings (bold paragraphs numbered I., 1., a)) in document order. */
  const headingsOf = (document: XmlElement) =>
    all(first(document, 'w:body')!, 'w:p')
      .map(textOf)
      .filter((text) => /^([IVX]+\.|\d+\.|[a-zđ]\)) [^\d]/u.test(text) && !/^\d+\.\d/.test(text));

  it('prints renamed and added sections in the order of the template, numbered from their places', async () => {
    const outlined: Template = {
      ...template,
      narrative: {
        rename: { ii_results: 'Kết quả thực hiện nhiệm vụ cải cách hành chính', iii_2_weaknesses: 'Hạn chế' },
        add: [
          { id: 'iii_3_causes', title: 'Nguyên nhân của hạn chế', after: 'iii_2_weaknesses' },
          { id: 'i_1_plan', title: 'Ban hành Kế hoạch cải cách hành chính', under: 'i_direction' },
        ],
        drop: ['v_proposals'],
      },
    };
    const narrative = demoNarrative();
    const { document } = await openDocx(await reportDocx({ template: outlined, values, meta: demoMeta, narrative, appendix: { include: false } }));
    const headings = headingsOf(document);
    const expected = [
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      '1. Ban hành Kế hoạch cải cách hành chính',
      'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
      'III. ĐÁNH GIÁ CHUNG',
      '1. Ưu điểm',
      '2. Hạn chế',
      '3. Nguyên nhân của hạn chế',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2024',
      // Dropped by the template, kept because the official wrote in it (no text is lost).
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
    ];
    expect(headings.filter((h) => expected.includes(h))).toEqual(expected);
    expect(headings).not.toContain('2. Tồn tại, hạn chế và nguyên nhân');
    // The text of the renamed section is still under it, and the heading is formatted as before.
    const paragraphs = all(first(document, 'w:body')!, 'w:p').map(textOf);
    const weaknesses = paragraphs.indexOf('2. Hạn chế');
    expect(paragraphs[weaknesses + 1]).toBe('Tỷ lệ hồ sơ phát sinh được tiếp nhận bằng hình thức trực tuyến chưa đạt theo Kế hoạch đề ra.');
    expect(paragraphs[weaknesses + 2]).toBe('3. Nguyên nhân của hạn chế');
    expect(formatOf(document, 'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH')).toMatchObject({ bold: true, size: 14, align: 'both' });

    // An empty dropped section is left out.
    const empty = { ...narrative, sections: narrative.sections.map((s) => (s.id === 'v_proposals' ? { ...s, blocks: [] } : s)) };
    const second = await openDocx(await reportDocx({ template: outlined, values, meta: demoMeta, narrative: empty, appendix: { include: false } }));
    expect(headingsOf(second.document).at(-1)).toBe('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2024');
  });

  it('names the next period given by the caller in section IV', async () => {
    const renamed: Template = { ...template, narrative: { rename: { iv_tasks: 'Phương hướng, nhiệm vụ trọng tâm' } } };
    const { document } = await openDocx(
      await reportDocx({ template: renamed, values, meta: demoMeta, narrative: demoNarrative(), nextPeriodLabel: 'Quý II năm 2024', appendix: { include: false } }),
    );
    expect(headingsOf(document)).toContain('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2024');
  });

  it("prints the shipped Hải Dương outline (seed 000): section I in four parts, III.3 the causes", async () => {
    const haiDuong = loadTemplate(readFileSync(fileURLToPath(new URL('../../templates/hai-duong-xa-6thang.yaml', import.meta.url)), 'utf8'), 'templates/hai-duong-xa-6thang.yaml');
    const narrative = defaultNarrative({ unitName: 'UBND xã Lê Hồng', periodLabel: '6 tháng đầu năm 2022', nextPeriodLabel: '6 tháng cuối năm 2022' });
    const { document } = await openDocx(await reportDocx({ template: haiDuong, values: new Map(), meta: demoMeta, narrative, appendix: { include: false } }));
    expect(headingsOf(document)).toEqual([
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      '1. Ban hành Kế hoạch cải cách hành chính',
      '2. Về tổ chức chỉ đạo, điều hành cải cách hành chính',
      '3. Công tác kiểm tra cải cách hành chính',
      '4. Công tác tuyên truyền cải cách hành chính',
      'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
      '1. Cải cách thể chế',
      '2. Cải cách thủ tục hành chính',
      '3. Cải cách tổ chức bộ máy',
      '4. Cải cách chế độ công vụ',
      '5. Cải cách tài chính công',
      '6. Xây dựng và phát triển chính quyền điện tử, chính quyền số',
      'III. ĐÁNH GIÁ CHUNG',
      '1. Ưu điểm',
      '2. Hạn chế',
      '3. Nguyên nhân của hạn chế',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022',
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
    ]);
  });
});

describe('reportDocx: text that breaks documents', () => {
  const longWord = 'Đ'.repeat(100) + 'x'.repeat(100);
  const longParagraph = Array.from({ length: 2000 }, (_, i) => `câu${i % 10} ha`).join(' ').slice(0, 10_000);
  const nasty = 'Số <b>1</b> & "trích" \'dẫn\' 😀👍🏽 ]]> <![CDATA[x]]> &amp; \u0001\u0008\ufffe tab\there';

  let parts: DocxParts;
  beforeAll(async () => {
    const narrative: Narrative = demoNarrative();
    narrative.sections[0]!.blocks.push(
      { type: 'paragraph', runs: [{ text: nasty }] },
      { type: 'paragraph', runs: [{ text: longWord }] },
      { type: 'paragraph', runs: [{ text: longParagraph }] },
      { type: 'bullets', marker: '-', items: [[{ text: '<script>alert(1)</script>', bold: true }]] },
    );
    const buffer = await reportDocx({
      template,
      values: new Map([...values, ['r_1_1', { value: 'KH <số> 08 & 09 😀', provenance: 'entered', computed: null, reason: null }]]),
      meta: { ...demoMeta, summary: 'Báo cáo <quý I> & "phương hướng" 😀\nquý II năm 2024', recipients: ['A & B <c>', 'Lưu: VT'] },
      narrative,
    });
    parts = await openDocx(buffer);
  });

  it('produces XML that parses, with the text escaped and intact', () => {
    expect(parts.documentXml.length).toBeGreaterThan(10_000);
    expect(() => parseXml(parts.documentXml)).not.toThrow();
    expect(parts.documentXml).toContain('Số &lt;b&gt;1&lt;/b&gt; &amp; ');
    expect(parts.documentXml).not.toContain('<b>1</b>');
    for (const removed of ['\u0001', '\u0008', '\ufffe']) expect(parts.documentXml.includes(removed)).toBe(false);
    const text = textOf(parts.document);
    expect(text).toContain('Số <b>1</b> & "trích" \'dẫn\' 😀👍🏽 ]]> <![CDATA[x]]> &amp;  tab here');
    expect(text).toContain(longWord);
    expect(text).toContain(longParagraph);
    expect(longParagraph).toHaveLength(10_000);
    expect(text).toContain('- <script>alert(1)</script>');
    expect(text).toContain('KH <số> 08 & 09 😀');
    expect(text).toContain('Báo cáo <quý I> & "phương hướng" 😀');
    expect(text).toContain('- A & B <c>;');
  });

  it('keeps a line break of the summary as a break', () => {
    const summary = paragraphWith(parts.document, 'Báo cáo <quý I>', true)!;
    expect(all(summary, 'w:br')).toHaveLength(1);
    expect(textOf(summary)).toBe('Báo cáo <quý I> & "phương hướng" 😀quý II năm 2024');
  });

  it('writes well-formed XML in every part of the package', async () => {
    for (const path of Object.keys(parts.zip.files).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      await expect(parts.part(path).then(() => true), path).resolves.toBe(true);
    }
  });
});

/** LibreOffice, when installed (Debian: apt-get install libreoffice-writer-nogui). */
const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync('which', [bin]).status === 0);

describe.skipIf(!soffice)('reportDocx: converts to PDF with LibreOffice', () => {
  it('converts the demo report headlessly', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-docx-'));
    try {
      const input = join(dir, 'bao-cao.docx');
      writeFileSync(input, await reportDocx({ template, values, meta: demoMeta, narrative: demoNarrative(), byField: demoByField }));
      execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], {
        timeout: 170_000,
        stdio: 'pipe',
      });
      const pdf = join(dir, 'bao-cao.pdf');
      expect(existsSync(pdf)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      if (spawnSync('which', ['pdftotext']).status === 0) {
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(text).toContain('BÁO CÁO');
        expect(text).toContain('1.224');
        expect(text).toContain('95,25%');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
