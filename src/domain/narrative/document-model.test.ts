import { describe, expect, it } from 'vitest';
import type { Template } from '../templates/template';
import { DocumentMetaSchema } from './document-meta';
import { appendixHeading, documentBody, documentHeader, documentModel, documentSignature, documentTitle } from './document-model';
import { blocksFromText, defaultNarrative, editGenerated, type GeneratedBlock } from './narrative';

const meta = DocumentMetaSchema.parse({
  parentBody: ['UBND huyện Thanh Miện'],
  issuer: ['Ủy ban nhân dân', 'xã Lê Hồng'],
  unitName: 'UBND xã Lê Hồng',
  number: '165',
  place: 'Lê Hồng',
  date: '2022-06-13',
  addressees: ['Hội đồng nhân dân xã Lê Hồng'],
  summary: 'Tình hình thực hiện công tác cải cách hành chính 6 tháng đầu năm,\nphương hướng nhiệm vụ 6 tháng cuối năm 2022',
  dataWindow: { from: '2021-12-10', to: '2022-06-09' },
  signature: { onBehalfOf: 'Ủy ban nhân dân', authority: 'KT.', headTitle: 'Chủ tịch', signerTitle: 'Phó Chủ tịch', name: 'Nguyễn Văn A' },
  recipients: ['UBND huyện', 'Lưu: VT'],
  appendixSubtitle: '6 tháng đầu năm 2022',
});

describe('the document model shared by the DOCX and the preview', () => {
  it('has the header of Decree 30/2020: issuer in upper case, number, national name, motto, place and date', () => {
    expect(documentHeader(meta)).toEqual({
      parentBody: ['UBND HUYỆN THANH MIỆN'],
      issuer: ['ỦY BAN NHÂN DÂN', 'XÃ LÊ HỒNG'],
      number: 'Số: 165/BC-UBND',
      nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeDate: 'Lê Hồng, ngày 13 tháng 6 năm 2022',
    });
    // A date being typed does not break the preview.
    expect(documentHeader({ ...meta, date: '2022-02-30' }).placeDate).toBeNull();
  });

  it('has the title block, the signature and the recipients as printed', () => {
    expect(documentTitle(meta)).toEqual({
      documentType: 'BÁO CÁO',
      summary: ['Tình hình thực hiện công tác cải cách hành chính 6 tháng đầu năm,', 'phương hướng nhiệm vụ 6 tháng cuối năm 2022'],
      dataWindow: '(Số liệu tính từ ngày 10/12/2021 đến ngày 09/06/2022)',
      addressees: ['Kính gửi: Hội đồng nhân dân xã Lê Hồng.'],
    });
    expect(documentSignature(meta)).toEqual({
      titleLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Nguyễn Văn A',
      recipients: ['- UBND huyện;', '- Lưu: VT.'],
    });
  });

  it('lists the body in printed order: preamble, numbered headings with their text and generated paragraphs, closing', () => {
    const narrative = defaultNarrative({ unitName: 'UBND xã Lê Hồng', periodLabel: 'Quý I năm 2024' });
    narrative.sections[0]!.blocks = blocksFromText('Đã ban hành:\n- Kế hoạch số 08/KH-UBND;\n\n# Tuyên truyền');
    const ii2 = narrative.sections[1]!.children![1]!;
    ii2.blocks = [editGenerated({ ...(ii2.blocks[0] as GeneratedBlock), text: 'Tiếp nhận 10 hồ sơ.' }, 'Tiếp nhận 10 hồ sơ, tăng 2.'), ii2.blocks[1]!];
    const body = documentBody(narrative);
    expect(body.slice(0, 6)).toEqual([
      { type: 'paragraph', part: 'preamble', runs: [{ text: 'UBND xã Lê Hồng báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2024 như sau:' }] },
      { type: 'section', part: 'sections', sectionId: 'i_direction', depth: 0, heading: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH' },
      { type: 'paragraph', part: 'sections', runs: [{ text: 'Đã ban hành:' }] },
      { type: 'bullet', part: 'sections', marker: '-', runs: [{ text: 'Kế hoạch số 08/KH-UBND;' }] },
      { type: 'subheading', part: 'sections', runs: [{ text: 'Tuyên truyền' }] },
      { type: 'section', part: 'sections', sectionId: 'ii_results', depth: 0, heading: 'II. KẾT QUẢ THỰC HIỆN' },
    ]);
    // The edited one-stop paragraph prints; the by-field one, not generated yet, prints nothing.
    const afterProcedures = body.slice(body.findIndex((i) => i.type === 'section' && i.sectionId === 'ii_2_procedures') + 1)[0];
    expect(afterProcedures).toEqual({ type: 'generated', part: 'sections', key: 'one_stop', text: 'Tiếp nhận 10 hồ sơ, tăng 2.', edited: true, outdated: false });
    expect(body.filter((i) => i.type === 'generated')).toHaveLength(1);
    expect(body.at(-1)).toMatchObject({ type: 'paragraph', part: 'closing' });
  });

  it('heads the appendix with "Phụ lục" unless the title says it, the period and the report it is attached to', () => {
    expect(appendixHeading({ title: 'Biểu mẫu thống kê kết quả' }, meta)).toEqual({
      titleLines: ['BIỂU MẪU THỐNG KÊ KẾT QUẢ', '6 THÁNG ĐẦU NĂM 2022'],
      attachedTo: '(Kèm theo Báo cáo số 165/BC-UBND ngày 13/06/2022 của UBND xã Lê Hồng)',
    });
    expect(appendixHeading({ title: 'Kết quả cải cách hành chính' }, { ...meta, appendixSubtitle: null }).titleLines).toEqual(['Phụ lục', 'KẾT QUẢ CẢI CÁCH HÀNH CHÍNH']);
  });

  it('has no appendix without a template and its values', () => {
    const narrative = defaultNarrative({ unitName: 'UBND xã Lê Hồng', periodLabel: 'Quý I năm 2024' });
    expect(documentModel({ meta, narrative }).appendix).toBeNull();
    const template = {
      title: 'Phụ lục',
      rows: [{ id: 'r_1', code: '1.', label: 'Số hồ sơ', unit: 'Hồ sơ', kind: 'count', depth: 0, parentId: null, childIds: [], isPart: false }],
      byId: new Map(),
    } as unknown as Template;
    const model = documentModel({ meta, narrative, template, columns: [{ header: 'Số liệu', values: new Map([['r_1', { value: 1224 }]]) }] });
    expect(model.appendix!.headers).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu']);
    expect(model.appendix!.rows[0]!.cells).toEqual([{ type: 'number', value: 1224, decimals: 0, text: '1.224' }]);
  });
});
