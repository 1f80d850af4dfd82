import { describe, expect, it } from 'vitest';
import { DocumentMetaSchema } from '../narrative/document-meta';
import { defaultNarrative, paragraph } from '../narrative/narrative';
import { loadTemplate } from '../templates/load-template';
import { validateValues } from '../templates/validate';
import { changeValueText, documentChangesSince, valueChangesSince } from './changes-since-return';
import type { ReportValue } from './report-values';
import { attentionReasons, reviewAttention } from './review-attention';

const template = loadTemplate(
  `
id: thu
version: "1"
title: Thử
issuer: Thử
levels: [commune]
periods: [quarter]
rows:
  - { id: r_1, code: "1.", label: Hồ sơ tiếp nhận, kind: count, source: { metric: received.in_period } }
  - { id: r_2, code: "2.", label: Số phiếu khảo sát, kind: count }
  - { id: r_3, code: "3.", label: Số văn bản, kind: count }
  - { id: r_4, code: "4.", label: Ghi chú, kind: text, optional: true }
rules:
  - { id: r2_max, left: r_2, operator: "<=", right: "100", severity: warning, message: Số phiếu lớn bất thường }
`,
  'thu.yaml',
);

const value = (v: number | string | null, extra: Partial<ReportValue> = {}): ReportValue => ({ value: v, provenance: 'entered', computed: null, reason: null, ...extra });

describe('what the reviewer must see', () => {
  const values = new Map<string, ReportValue>([
    ['r_1', value(16, { provenance: 'overridden', computed: 15, reason: 'Một hồ sơ nhập trễ vào phần mềm.' })],
    ['r_2', value(300)],
    ['r_3', value('-')],
    ['r_4', value('-')],
  ]);
  const findings = validateValues(template, new Map([...values].map(([id, v]) => [id, v.value])));
  const attention = reviewAttention({
    template,
    level: 'commune',
    values,
    findings,
    justifications: [{ rule: 'r2_max', rowId: 'r_2', text: 'Khảo sát cả năm.' }],
    early: { reason: 'Cán bộ nghỉ phép từ ngày 10.', windowTo: '2026-12-14', at: '2026-12-04T03:00:00Z' },
  });

  it('lists corrected figures with their reason, justified warnings, and required rows marked not applicable', () => {
    expect(attention.overrides).toEqual([{ rowId: 'r_1', label: '1. Hồ sơ tiếp nhận', value: 16, computed: 15, reason: 'Một hồ sơ nhập trễ vào phần mềm.' }]);
    expect(attention.justified).toEqual([
      { rowId: 'r_2', label: '2. Số phiếu khảo sát', rule: 'r2_max', message: 'Số phiếu lớn bất thường (300 lớn hơn 100).', text: 'Khảo sát cả năm.' },
    ]);
    // An optional row marked "-" is the unit's choice; a required one is worth a look.
    expect(attention.notApplicable).toEqual([{ rowId: 'r_3', label: '3. Số văn bản' }]);
  });

  it('says why a report should not be approved in a batch', () => {
    expect(attentionReasons(attention)).toEqual([
      'gửi trước khi hết kỳ lấy số liệu (lý do: Cán bộ nghỉ phép từ ngày 10)',
      '1 số liệu tự động đã được sửa tay',
      '1 dòng bắt buộc ghi "không phát sinh"',
    ]);
    expect(attentionReasons({ early: null, overrides: [], justified: attention.justified, notApplicable: [] })).toEqual([]);
  });
});

describe('changes since the returned version', () => {
  it('lists the figures that changed, written either way', () => {
    const before = new Map<string, number | string | null>([['r_2', 12], ['r_3', '1.224'], ['r_4', null]]);
    const after = new Map<string, number | string | null>([['r_2', 15], ['r_3', 1224], ['r_4', '-']]);
    expect(valueChangesSince(template, before, after)).toEqual([
      { rowId: 'r_2', label: '2. Số phiếu khảo sát', before: 12, after: 15 },
      { rowId: 'r_4', label: '4. Ghi chú', before: null, after: '-' },
    ]);
    expect([changeValueText(null), changeValueText(1224), changeValueText('-')]).toEqual(['(trống)', '1.224', '-']);
  });

  it('lists the sections and fields whose words changed', () => {
    const narrative = defaultNarrative({ unitName: 'UBND xã A', periodLabel: 'Quý I năm 2026' });
    const meta = DocumentMetaSchema.parse({
      issuer: ['ỦY BAN NHÂN DÂN', 'XÃ A'],
      unitName: 'UBND xã A',
      place: 'A',
      date: '2026-03-20',
      summary: 'Kết quả CCHC quý I năm 2026',
      signature: { headTitle: 'CHỦ TỊCH', name: '' },
    });
    const after = {
      meta: { ...meta, signature: { ...meta.signature, name: 'Nguyễn Văn A' } },
      narrative: { ...narrative, sections: narrative.sections.map((s) => (s.id === 'iv_tasks' ? { ...s, blocks: [paragraph('Tiếp tục rà soát TTHC.')] } : s)) },
    };
    expect(documentChangesSince({ meta, narrative }, after)).toEqual([
      { target: 'meta.signature', label: 'Người ký', before: 'CHỦ TỊCH', after: 'CHỦ TỊCH – Nguyễn Văn A' },
      { target: 'iv_tasks', label: 'IV. Phương hướng, nhiệm vụ', before: '', after: 'Tiếp tục rà soát TTHC.' },
    ]);
  });
});
