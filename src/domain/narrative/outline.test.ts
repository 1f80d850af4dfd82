import { describe, expect, it } from 'vitest';
import { loadTemplate, TemplateError } from '../templates/load-template';
import type { TemplateNarrative } from '../templates/template';
import { blocksFromText, defaultNarrative, editGenerated, flattenSections, generated, type GeneratedBlock, type Narrative, type Section } from './narrative';
import { applyOutline, resolveOutline, templateOutline } from './outline';

const headings = (sections: Section[]) => flattenSections(sections).map((s) => s.heading);

const MINIMAL = `id: thu-nghiem
version: "1"
title: Phụ lục
issuer: UBND tỉnh Thử Nghiệm
levels: [commune]
periods: [quarter]
rows:
  - { id: r_1, code: "1.", label: Số văn bản, unit: Văn bản, kind: count }
`;

function issuesOf(text: string) {
  try {
    loadTemplate(text, 'templates/thu-nghiem.yaml');
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected the template to be rejected');
}

describe('the outline of a template', () => {
  it('is the default outline I–V without a narrative key', () => {
    const narrative = defaultNarrative({ unitName: 'UBND xã A', periodLabel: 'Quý I năm 2024', nextPeriodLabel: 'Quý II năm 2024', outline: templateOutline({}) });
    expect(headings(narrative.sections)).toEqual(headings(defaultNarrative({ unitName: 'UBND xã A', periodLabel: 'Quý I năm 2024', nextPeriodLabel: 'Quý II năm 2024' }).sections));
  });

  it('renames sections by id, adds sections after, before and under others, drops optional ones; numbers follow', () => {
    const spec: TemplateNarrative = {
      rename: { ii_results: 'Kết quả thực hiện nhiệm vụ cải cách hành chính', iii_2_weaknesses: 'Hạn chế', iv_tasks: 'Phương hướng, nhiệm vụ trọng tâm' },
      add: [
        { id: 'iii_3_causes', title: 'Nguyên nhân của hạn chế', after: 'iii_2_weaknesses' },
        { id: 'i_1_plan', title: 'Ban hành kế hoạch cải cách hành chính', under: 'i_direction' },
        { id: 'i_2_inspection', title: 'Công tác kiểm tra cải cách hành chính', under: 'i_direction' },
        { id: 'i_2_a_self', title: 'Tự kiểm tra', under: 'i_2_inspection' },
        { id: 'opening', title: 'Tình hình chung', before: 'i_direction', numbered: false },
      ],
      drop: ['v_proposals'],
    };
    const { outline, issues } = resolveOutline(spec);
    expect(issues).toEqual([]);
    const narrative = defaultNarrative({ unitName: 'UBND xã A', periodLabel: '6 tháng đầu năm 2022', nextPeriodLabel: '6 tháng cuối năm 2022', outline });
    expect(headings(narrative.sections)).toEqual([
      'TÌNH HÌNH CHUNG',
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      '1. Ban hành kế hoạch cải cách hành chính',
      '2. Công tác kiểm tra cải cách hành chính',
      'a) Tự kiểm tra',
      'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
      '1. Cải cách thể chế',
      '2. Cải cách thủ tục hành chính',
      '3. Cải cách tổ chức bộ máy hành chính nhà nước',
      '4. Cải cách chế độ công vụ',
      '5. Cải cách tài chính công',
      '6. Xây dựng và phát triển chính quyền điện tử, chính quyền số',
      'III. ĐÁNH GIÁ CHUNG',
      '1. Ưu điểm',
      '2. Hạn chế',
      '3. Nguyên nhân của hạn chế',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2022',
    ]);
    // The one-stop paragraphs stay in II.2.
    const ii2 = narrative.sections.find((s) => s.id === 'ii_results')!.children![1]!;
    expect(ii2.blocks.map((b) => (b.type === 'generated' ? b.key : b.type))).toEqual(['one_stop', 'one_stop_by_field']);
  });

  it('reports every wrong reference with its path', () => {
    const { issues } = resolveOutline({
      rename: { ii_9_unknown: 'X' },
      add: [
        { id: 'x1', title: 'X', after: 'khong_co' },
        { id: 'x2', title: 'X', after: 'i_direction', under: 'ii_results' },
        { id: 'i_direction', title: 'Trùng', after: 'ii_results' },
        { id: 'x3', title: 'X', under: 'ii_1_institutions' },
        { id: 'x4', title: 'X', under: 'x3' },
        { id: 'x5', title: 'X', after: 'v_proposals' },
      ],
      drop: ['i_direction', 'v_proposals', 'khong_co'],
    });
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['drop.0', expect.stringContaining('mục "i_direction" (Công tác chỉ đạo, điều hành) là mục bắt buộc, không bỏ được; chỉ bỏ được: iii_1_strengths, iii_2_weaknesses, v_proposals')],
      ['drop.2', expect.stringContaining('không có mục "khong_co" trong dàn ý báo cáo (có: i_direction, ii_results,')],
      ['add.0.after', expect.stringContaining('không có mục "khong_co"')],
      ['add.1', 'mục thêm "x2" cần đúng một vị trí: after (ngay sau mục), before (ngay trước mục) hoặc under (trong mục).'],
      ['add.2.id', 'mã mục "i_direction" đã có trong dàn ý báo cáo.'],
      ['add.4.under', 'dàn ý có ba cấp (I., 1., a)): không thêm được mục con vào mục "x3".'],
      ['add.5.after', 'mục "v_proposals" đã bị bỏ (drop).'],
      ['rename.ii_9_unknown', expect.stringContaining('không có mục "ii_9_unknown"')],
    ]);
  });

  it('loadTemplate names the file, line and field of a wrong reference, in Vietnamese', () => {
    const text = `${MINIMAL}narrative:
  rename:
    iii_2_weaknesses: Hạn chế
  add:
    - id: iii_3_causes
      title: Nguyên nhân của hạn chế
      after: iii_2_weakness
  drop: [iv_tasks]
`;
    const error = issuesOf(text);
    expect(error.issues).toEqual([
      {
        file: 'templates/thu-nghiem.yaml',
        line: 16,
        path: 'narrative.drop.0',
        message: expect.stringContaining('mục "iv_tasks" (Phương hướng, nhiệm vụ) là mục bắt buộc, không bỏ được'),
      },
      {
        file: 'templates/thu-nghiem.yaml',
        line: 15,
        path: 'narrative.add.0.after',
        message: expect.stringContaining('không có mục "iii_2_weakness" trong dàn ý báo cáo'),
      },
    ]);
    expect(error.message).toContain('templates/thu-nghiem.yaml, dòng 15 (narrative.add.0.after): không có mục "iii_2_weakness"');
  });

  it('loadTemplate checks the shape of the narrative key', () => {
    const error = issuesOf(`${MINIMAL}narrative:\n  rename:\n    Mục I: Chỉ đạo\n  order: []\n`);
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['narrative.rename.Mục I', 'narrative']));
    expect(error.issues.find((i) => i.path === 'narrative.rename.Mục I')!.message).toContain('mã mục chỉ gồm chữ thường không dấu');
  });

  it('loadTemplate keeps a valid narrative key', () => {
    const template = loadTemplate(`${MINIMAL}narrative:\n  rename:\n    v_proposals: Đề xuất, kiến nghị\n`, 'templates/thu-nghiem.yaml');
    expect(templateOutline(template).at(-1)).toMatchObject({ id: 'v_proposals', title: 'Đề xuất, kiến nghị' });
  });
});

describe('a saved narrative on a template outline', () => {
  const base = defaultNarrative({ unitName: 'UBND xã A', periodLabel: 'Quý I năm 2026', nextPeriodLabel: 'Quý II năm 2026' });
  const withText = (narrative: Narrative, texts: Record<string, string>): Narrative => {
    const walk = (list: Section[]): Section[] =>
      list.map((s) => ({ ...s, blocks: texts[s.id] ? [...blocksFromText(texts[s.id]!), ...s.blocks] : s.blocks, ...(s.children ? { children: walk(s.children) } : {}) }));
    return { ...narrative, sections: walk(narrative.sections) };
  };
  const find = (sections: Section[], id: string): Section | undefined => {
    for (const s of sections) {
      if (s.id === id) return s;
      const inner = find(s.children ?? [], id);
      if (inner) return inner;
    }
    return undefined;
  };

  it('takes titles and order from the outline and text from the narrative; new sections start empty', () => {
    const saved = withText(base, { i_direction: 'Đã ban hành kế hoạch.', iii_2_weaknesses: 'Tỷ lệ trực tuyến còn thấp.' });
    const { outline } = resolveOutline({
      rename: { iii_2_weaknesses: 'Hạn chế' },
      add: [{ id: 'iii_3_causes', title: 'Nguyên nhân của hạn chế', after: 'iii_2_weaknesses' }],
    });
    const laid = applyOutline(saved, outline, { nextPeriodLabel: 'Quý II năm 2026' });
    expect(headings(laid.sections).slice(8, 12)).toEqual(['III. ĐÁNH GIÁ CHUNG', '1. Ưu điểm', '2. Hạn chế', '3. Nguyên nhân của hạn chế']);
    expect(find(laid.sections, 'iii_2_weaknesses')!.blocks).toEqual(blocksFromText('Tỷ lệ trực tuyến còn thấp.'));
    expect(find(laid.sections, 'iii_3_causes')!.blocks).toEqual([]);
    expect(find(laid.sections, 'i_direction')!.blocks).toEqual(blocksFromText('Đã ban hành kế hoạch.'));
    expect(laid.preamble).toBe(saved.preamble);
  });

  it('keeps a section no longer in the outline where it was when it holds text; drops it when empty', () => {
    const saved = withText(base, { v_proposals: 'Đề nghị cấp thêm chữ ký số.' });
    const { outline } = resolveOutline({ drop: ['v_proposals', 'iii_1_strengths'] });
    const laid = applyOutline(saved, outline, { nextPeriodLabel: 'Quý II năm 2026' });
    expect(headings(laid.sections).slice(-4)).toEqual(['III. ĐÁNH GIÁ CHUNG', '1. Tồn tại, hạn chế và nguyên nhân', 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2026', 'V. KIẾN NGHỊ, ĐỀ XUẤT']);
    expect(find(laid.sections, 'v_proposals')!.blocks).toEqual(blocksFromText('Đề nghị cấp thêm chữ ký số.'));
    expect(find(laid.sections, 'iii_1_strengths')).toBeUndefined();
  });

  it('keeps a section a previous template version added, after the section it followed, with its own sub-sections', () => {
    const saved: Narrative = {
      ...base,
      sections: base.sections.flatMap((s) =>
        s.id === 'i_direction'
          ? [s, { id: 'extra', title: 'Công tác dân vận chính quyền', blocks: blocksFromText('Văn bản A.'), children: [{ id: 'extra_1', title: 'Tuyên truyền', blocks: blocksFromText('- 20 cuộc') }] }]
          : [s],
      ),
    };
    const laid = applyOutline(saved, templateOutline(null), { nextPeriodLabel: 'Quý II năm 2026' });
    expect(headings(laid.sections).slice(0, 4)).toEqual(['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'II. CÔNG TÁC DÂN VẬN CHÍNH QUYỀN', '1. Tuyên truyền', 'III. KẾT QUẢ THỰC HIỆN']);
  });

  it('keeps an edited generated paragraph; an unedited one is regenerated anyway', () => {
    const block = { ...(generated('one_stop') as GeneratedBlock), text: 'Tiếp nhận 10 hồ sơ.' };
    const saved: Narrative = {
      ...base,
      sections: [...base.sections, { id: 'a', title: 'A', blocks: [editGenerated(block, 'Tiếp nhận 10 hồ sơ, tăng 2.')] }, { id: 'b', title: 'B', blocks: [block] }],
    };
    const laid = applyOutline(saved, templateOutline(null), { nextPeriodLabel: null });
    expect(laid.sections.map((s) => s.id)).toEqual(['i_direction', 'ii_results', 'iii_assessment', 'iv_tasks', 'v_proposals', 'a']);
  });

  it('names the next period in section IV; with the period unknown keeps the title that already names it', () => {
    const { outline } = resolveOutline({ rename: { iv_tasks: 'Nhiệm vụ trọng tâm' } });
    const once = applyOutline(base, outline, { nextPeriodLabel: 'Quý II năm 2026' });
    expect(find(once.sections, 'iv_tasks')!.title).toBe('Nhiệm vụ trọng tâm quý II năm 2026');
    expect(applyOutline(once, outline)).toEqual(once);
    expect(find(applyOutline(base, outline).sections, 'iv_tasks')!.title).toBe('Nhiệm vụ trọng tâm');
    expect(find(applyOutline(base, outline, { nextPeriodLabel: null }).sections, 'iv_tasks')!.title).toBe('Nhiệm vụ trọng tâm');
  });

  it('a saved default narrative is unchanged on the default outline', () => {
    const saved = withText(base, { i_direction: 'Văn bản.', v_proposals: 'Không.' });
    expect(applyOutline(saved, templateOutline(undefined), { nextPeriodLabel: 'Quý II năm 2026' })).toEqual(saved);
  });
});
