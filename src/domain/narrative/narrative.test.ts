import { describe, expect, it } from 'vitest';
import {
  blocksFromText,
  defaultNarrative,
  editGenerated,
  flattenSections,
  generated,
  isOutdated,
  generatedText,
  NarrativeSchema,
  parseInline,
  refreshGenerated,
  sectionHeading,
  toRoman,
  type GeneratedBlock,
} from './narrative';
import { cleanText } from './text';

describe('outline', () => {
  const narrative = defaultNarrative({ unitName: 'UBND xã Thịnh Đức', periodLabel: 'Quý I năm 2024', nextPeriodLabel: 'Quý II năm 2024' });

  it('numbers the sections of DOMAIN.md: I–V, the six areas of II, and the parts of III', () => {
    expect(flattenSections(narrative.sections).map((s) => s.heading)).toEqual([
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      'II. KẾT QUẢ THỰC HIỆN',
      '1. Cải cách thể chế',
      '2. Cải cách thủ tục hành chính',
      '3. Cải cách tổ chức bộ máy hành chính nhà nước',
      '4. Cải cách chế độ công vụ',
      '5. Cải cách tài chính công',
      '6. Xây dựng và phát triển chính quyền điện tử, chính quyền số',
      'III. ĐÁNH GIÁ CHUNG',
      '1. Ưu điểm',
      '2. Tồn tại, hạn chế và nguyên nhân',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2024',
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
    ]);
  });

  it('opens and closes with the usual sentences', () => {
    expect(narrative.preamble).toEqual([
      { type: 'paragraph', runs: [{ text: 'UBND xã Thịnh Đức báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2024 như sau:' }] },
    ]);
    expect(narrative.closing[0]).toEqual({
      type: 'paragraph',
      runs: [{ text: 'Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2024 của UBND xã Thịnh Đức./.' }],
    });
  });

  it('places the one-stop paragraphs in II.2 and is valid against its schema', () => {
    const procedures = narrative.sections[1]!.children![1]!;
    expect(procedures.blocks.map((b) => (b.type === 'generated' ? b.key : b.type))).toEqual(['one_stop', 'one_stop_by_field']);
    expect(NarrativeSchema.parse(narrative)).toEqual(narrative);
  });

  it('numbers a renamed, extended or unnumbered outline from its places', () => {
    const sections = [
      { id: 'a', title: 'Mở đầu', numbered: false, blocks: [] },
      { id: 'b', title: 'Công tác chỉ đạo', blocks: [], children: [{ id: 'b1', title: 'Kế hoạch', blocks: [], children: [{ id: 'x', title: 'Kiểm tra', blocks: [] }, { id: 'y', title: 'Tuyên truyền', blocks: [] }, { id: 'z', title: 'Khen thưởng', blocks: [] }, { id: 'w', title: 'Khác', blocks: [] }, { id: 'v', title: 'Khác nữa', blocks: [] }] }] },
    ];
    expect(flattenSections(sections).map((s) => s.heading)).toEqual([
      'MỞ ĐẦU',
      'I. CÔNG TÁC CHỈ ĐẠO',
      '1. Kế hoạch',
      'a) Kiểm tra',
      'b) Tuyên truyền',
      'c) Khen thưởng',
      'd) Khác',
      'đ) Khác nữa',
    ]);
    expect(toRoman(14)).toBe('XIV');
    expect(sectionHeading({ title: 'kiến nghị' }, 0, 8)).toBe('IX. KIẾN NGHỊ');
  });
});

describe('generated paragraphs', () => {
  const block = generated('one_stop');

  it('updates with the figures; an edit stays and is marked outdated when the figures change', () => {
    const first = refreshGenerated({ preamble: [], sections: [{ id: 's', title: 'S', blocks: [block] }], closing: [] }, () => 'Tiếp nhận 10 hồ sơ.');
    const b1 = first.sections[0]!.blocks[0] as GeneratedBlock;
    expect(generatedText(b1)).toBe('Tiếp nhận 10 hồ sơ.');
    const edited = editGenerated(b1, 'Tiếp nhận 10 hồ sơ, tăng so với quý trước.');
    expect(isOutdated(edited)).toBe(false);
    const second = refreshGenerated({ preamble: [], sections: [{ id: 's', title: 'S', blocks: [edited] }], closing: [] }, () => 'Tiếp nhận 12 hồ sơ.');
    const b2 = second.sections[0]!.blocks[0] as GeneratedBlock;
    expect(b2.text).toBe('Tiếp nhận 12 hồ sơ.');
    expect(generatedText(b2)).toBe('Tiếp nhận 10 hồ sơ, tăng so với quý trước.');
    expect(isOutdated(b2)).toBe(true);
    expect(editGenerated(b2, 'Tiếp nhận 12 hồ sơ.').edited).toBeNull();
  });

  it('leaves a block alone when its generator has nothing to say', () => {
    const narrative = { preamble: [], sections: [{ id: 's', title: 'S', blocks: [{ ...block, text: 'cũ' }] }], closing: [] };
    expect(refreshGenerated(narrative, () => null)).toEqual(narrative);
  });
});

describe('free text', () => {
  it('reads bold and italic markup; a lone marker stays as written', () => {
    expect(parseInline('Tổng số **145** TTHC theo *Nghị định số 107/2021/NĐ-CP*; 5 * 3 và ***rất rõ***')).toEqual([
      { text: 'Tổng số ' },
      { text: '145', bold: true },
      { text: ' TTHC theo ' },
      { text: 'Nghị định số 107/2021/NĐ-CP', italic: true },
      { text: '; 5 * 3 và ' },
      { text: 'rất rõ', bold: true, italic: true },
    ]);
    expect(parseInline('mã_số_thuế và _nghiêng_')).toEqual([{ text: 'mã_số_thuế và ' }, { text: 'nghiêng', italic: true }]);
  });

  it('splits text into paragraphs, lists, sub-headings and generated places', () => {
    const text = [
      'UBND xã đã ban hành các văn bản:',
      '- Kế hoạch số 08/KH-UBND;',
      '- Kế hoạch số 24/KH-UBND.',
      '',
      '# * Kết quả tuyên truyền',
      'Tuyên truyền được 20 cuộc',
      'có 475 lượt người tham dự.',
      '',
      '[[one_stop]]',
    ].join('\n');
    expect(blocksFromText(text)).toEqual([
      { type: 'paragraph', runs: [{ text: 'UBND xã đã ban hành các văn bản:' }] },
      { type: 'bullets', marker: '-', items: [[{ text: 'Kế hoạch số 08/KH-UBND;' }], [{ text: 'Kế hoạch số 24/KH-UBND.' }]] },
      { type: 'heading', runs: [{ text: '* Kết quả tuyên truyền' }] },
      { type: 'paragraph', runs: [{ text: 'Tuyên truyền được 20 cuộc\ncó 475 lượt người tham dự.' }] },
      { type: 'generated', key: 'one_stop', text: '', edited: null },
    ]);
  });

  it('cleans text for XML: composed Unicode, no control characters, no lone surrogates; emoji and < & kept', () => {
    const decomposed = 'Ho\u0302̀ so\u031b'; // "Hồ sơ" typed with combining marks
    expect(cleanText(decomposed)).toBe('Hồ sơ');
    expect(cleanText('a\u0000b\u0007c\td\r\ne\uffff')).toBe('abc\td\ne');
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanText('<b> & 😀')).toBe('<b> & 😀');
  });
});
