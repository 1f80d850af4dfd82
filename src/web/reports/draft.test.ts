import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../domain/templates/load-template';
import type { ReportValueDto } from '../api/reports';
import { countFindings, draftValues, findingsOf, findingsSummary, pendingChanges, pendingJustifications, savedValues, type Edit } from './draft';
import { periodChoices, periodIdOf, periodTitle, periodWindow } from './periods';
import { dossierLink, formulaText, statsLink } from './sources';
import { displayText, inputText, tidyNumberText, toValue } from './values';

const template = loadTemplate(readFileSync(new URL('../../../templates/mac-dinh-xa.yaml', import.meta.url), 'utf8'), 'templates/mac-dinh-xa.yaml');
const row = (id: string) => template.byId.get(id)!;
const computed = (rowId: string, value: number): ReportValueDto => ({ rowId, value, provenance: 'computed', computed: value, reason: null });
// 3.4.2 received 8 = direct 4 + online 3 + postal 1; 3.4.4 = 3/8 = 37,5 %.
const saved = savedValues([
  computed('r_3_4_2', 8),
  computed('r_3_4_2_a', 4),
  computed('r_3_4_2_b', 3),
  computed('r_3_4_2_c', 1),
  computed('r_3_4_4', 37.5),
  { rowId: 'r_1_2_a', value: 8, provenance: 'entered', computed: null, reason: null },
]);
const edits = (...entries: Array<[string, Edit]>) => new Map(entries);

describe('values as the official types them', () => {
  it('reads Vietnamese notation and writes it back', () => {
    expect(toValue(row('r_6_1_a'), '1.180.000')).toBe(1180000);
    expect(toValue(row('r_3_2_5'), '98,07')).toBe(98.07);
    expect(toValue(row('r_3_2_5'), 'abc')).toBe('abc');
    expect(toValue(row('r_3_2_5'), '  ')).toBeNull();
    expect(inputText(row('r_6_1_a'), 1180000)).toBe('1.180.000');
    expect(tidyNumberText(row('r_7_3_1'), '1250')).toBe('1.250');
    expect(displayText(row('r_1_6_2'), 1)).toBe('Phát phiếu (1)');
    expect(displayText(row('r_1_6_2'), 3)).toBe('3');
    expect(displayText(row('r_3_4_4'), null)).toBe('—');
  });

  it('takes "-", "x" and "không phát sinh" in any field as not applicable, stored as "-", shown apart from blank', () => {
    for (const typed of ['-', 'x', 'Không phát sinh', 'KHONG PHAT SINH']) {
      expect(toValue(row('r_6_1_a'), typed)).toBe('-');
      expect(toValue(row('r_1_6_2'), typed)).toBe('-');
      expect(toValue(row('r_1_1'), typed)).toBe('-');
    }
    expect(tidyNumberText(row('r_7_3_1'), 'không phát sinh')).toBe('-');
    expect(displayText(row('r_7_3_1'), '-')).toBe('- (không phát sinh)');
    expect(displayText(row('r_7_3_1'), 0)).toBe('0');
    // The parts not applicable: the rate computed from them is not applicable either, and no check complains.
    const values = draftValues(template, saved, edits(['r_7_3_1', { type: 'value', text: '-' }], ['r_7_3_2_a', { type: 'value', text: 'x' }]));
    expect(values.get('r_7_3_2')?.value).toBe('-');
    expect(findingsOf(template, values, '2026-03-20').filter((f) => f.row.startsWith('r_7_3'))).toEqual([]);
  });
});

describe('a draft checked as it is typed', () => {
  it('recomputes formula rows from typed parts and finds a percent above 100', () => {
    const values = draftValues(template, saved, edits(['r_1_2_b', { type: 'value', text: '10' }]));
    expect(values.get('r_1_2')?.value).toBe(125);
    const findings = findingsOf(template, values, '2026-03-20');
    expect(findings.map((f) => [f.row, f.rule])).toEqual([
      ['r_1_2', 'percent_range'],
      ['r_1_2_b', 'plan_done_not_more_than_planned'],
    ]);
    expect(findingsSummary(countFindings(findings))).toBe('2 lỗi');
  });

  it('an override keeps the computed value beside it and shows the gap', () => {
    const values = draftValues(template, saved, edits(['r_3_4_4', { type: 'override', text: '40', reason: '' }]));
    expect(values.get('r_3_4_4')).toEqual({ value: 40, provenance: 'overridden', computed: 37.5, reason: null });
    const gap = findingsOf(template, values, '2026-03-20').find((f) => f.rule === 'formula_matches');
    expect(gap?.message).toBe('Ghi 40% nhưng tính từ số liệu thành phần được 37,5% (3/8).');
  });

  it('sends only what changed; an override without a reason is sent for the server to refuse', () => {
    const typed = edits(
      ['r_1_2_a', { type: 'value', text: '8' }],
      ['r_1_2_b', { type: 'value', text: '6' }],
      ['r_3_4_4', { type: 'override', text: '40', reason: '' }],
      ['r_3_4_2', { type: 'revert' }],
    );
    expect(pendingChanges(template, saved, typed)).toEqual([
      { rowId: 'r_1_2_b', value: 6 },
      { rowId: 'r_3_4_4', value: 40, reason: '' },
    ]);
    const overridden = savedValues([{ rowId: 'r_3_4_4', value: 40, provenance: 'overridden', computed: 37.5, reason: 'Theo sổ' }]);
    expect(pendingChanges(template, overridden, edits(['r_3_4_4', { type: 'revert' }]))).toEqual([{ rowId: 'r_3_4_4', value: null }]);
    expect(pendingChanges(template, overridden, edits(['r_3_4_4', { type: 'override', text: '40', reason: 'Theo sổ' }]))).toEqual([]);
  });

  it('sends new justifications only', () => {
    const stored = [{ rule: 'r', rowId: 'r_3_2_1', text: 'Đã giải trình' }];
    const typed = new Map([
      ['r|r_3_2_1', 'Đã giải trình'],
      ['s|r_3_2_1', '  Lý do mới '],
      ['t|r_3_2_1', ''],
    ]);
    expect(pendingJustifications(stored, typed)).toEqual([{ rule: 's', rowId: 'r_3_2_1', text: 'Lý do mới' }]);
  });
});

describe('periods, sources and links', () => {
  it('offers the template periods with their ids and windows', () => {
    expect(periodChoices(['quarter', 'half', 'nine_months', 'year']).map((c) => `${c.key}:${c.label}`)).toEqual([
      'Q1:Quý I',
      'Q2:Quý II',
      'Q3:Quý III',
      'Q4:Quý IV',
      'H1:6 tháng đầu năm',
      '9M:9 tháng',
      'Y:Cả năm',
    ]);
    expect([periodIdOf(2026, 'Q1'), periodIdOf(2026, 'H1'), periodIdOf(2026, '9M'), periodIdOf(2026, 'Y')]).toEqual(['2026-Q1', '2026-H1', '2026-9M', '2026']);
    expect(periodTitle('2026-Q1')).toBe('Quý I năm 2026');
    expect(periodWindow('2026-Q1', 'nd09')).toEqual({ from: '2025-12-15', to: '2026-03-14' });
  });

  it('links a metric row to the register and the statistics of the window', () => {
    const scope = { unitId: 7, templateCutoff: 'nd09', periodId: '2026-Q1', windowFrom: '2025-12-15', windowTo: '2026-03-14' };
    expect(dossierLink(row('r_3_4_2_b'), scope, 7)?.href).toBe('/ho-so?tu=2025-12-15&den=2026-03-14&kenh=online');
    expect(dossierLink(row('r_3_4_1'), scope, 1)?.href).toBe('/ho-so?donVi=7&den=2025-12-14');
    expect(dossierLink(row('r_1_3'), scope, 7)).toBeNull();
    expect(statsLink(scope, 7)).toBe('/thong-ke?ky=2026-Q1');
    expect(statsLink({ ...scope, templateCutoff: 'day:10', windowFrom: '2025-12-10', windowTo: '2026-03-09' }, 7)).toBe('/thong-ke?ky=2025-12-10..2026-03-09');
    expect(formulaText(template, 'r_3_4_2_b / r_3_4_2 * 100')).toBe('“Tiếp nhận trực tuyến” : 3.4.2 × 100');
  });
});
