import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportValue } from '../../domain/reports/report-values';
import { rollUp } from '../../domain/reports/rollup';
import { loadTemplate } from '../../domain/templates/load-template';
import type { RolledValue, Rollup } from '../api/review';
import type { Unit } from '../api/types';
import { contributionLines, discrepancyLines, includedCount, rolledText } from './rollupView';

const file = new URL('../../../templates/mac-dinh-xa.yaml', import.meta.url);
const template = loadTemplate(readFileSync(file, 'utf8'), 'mac-dinh-xa.yaml');
const row = (id: string) => template.byId.get(id)!;

const entered = (value: number | string | null): ReportValue => ({ value, provenance: 'entered', computed: null, reason: null });
const fromDossiers = (value: number, parts?: { numerator: number; denominator: number }): ReportValue => ({ value, provenance: 'computed', computed: value, reason: null, parts: parts ?? null });

const unit = (id: number, code: string, name: string): Unit => ({ id, code, name, level: 'commune', levelLabel: 'Xã', parentId: 1, validFrom: '2025-07-01', validTo: null }) as Unit;
const baBe = unit(11, '01906', 'Xã Ba Bể');
const choDon = unit(12, '02020', 'Xã Chợ Đồn');
const ducXuan = unit(13, '01840', 'Phường Đức Xuân');

// Two communes reported; a third has not. Ba Bể: 2 of 3 tasks done, survey "Kết hợp"; Chợ Đồn: 3 of 4, "Phát phiếu".
const rolled = rollUp(template, [
  { unitId: 11, values: new Map([['r_1_2_a', entered(3)], ['r_1_2_b', entered(2)], ['r_1_2', fromDossiers(66.67)], ['r_1_6_2', entered(2)], ['r_3_4_2', fromDossiers(100)], ['r_1_1', entered('KH số 12')]]) },
  { unitId: 12, values: new Map([['r_1_2_a', entered(4)], ['r_1_2_b', entered(3)], ['r_1_2', fromDossiers(75)], ['r_1_6_2', entered(1)], ['r_3_4_2', fromDossiers(110)], ['r_1_1', entered(null)]]) },
]);
const values = new Map<string, RolledValue>([...rolled].map(([id, v]) => [id, { ...v }]));
const rollup: Rollup = {
  unit: unit(1, '19', 'Tỉnh Thái Nguyên'),
  templateId: template.id,
  templateTitle: template.title,
  periodId: '2026-Q2',
  periodLabel: 'Quý II năm 2026',
  window: { from: '2026-03-15', to: '2026-06-14' },
  basis: 'approved',
  units: [
    { unit: choDon, reportId: 2, status: 'approved', included: true, source: 'current' },
    { unit: baBe, reportId: 1, status: 'approved', included: true, source: 'current' },
    { unit: ducXuan, reportId: null, status: null, included: false, source: null },
  ],
  values: [...values.values()],
};

describe('rolled-up figures as shown', () => {
  it('sums counts, recomputes a rate with its parts and tells the options counted', () => {
    expect(rolledText(row('r_1_2_a'), values.get('r_1_2_a'))).toBe('7');
    expect(rolledText(row('r_3_4_2'), values.get('r_3_4_2'))).toBe('210');
    expect(rolledText(row('r_1_2'), values.get('r_1_2'))).toBe('71,43% (5/7)');
    expect(rolledText(row('r_1_6_2'), values.get('r_1_6_2'))).toBe('Phát phiếu: 1/2; Kết hợp: 1/2');
    expect(rolledText(row('r_1_3'), values.get('r_1_3'))).toBe('—');
    expect(rolledText(row('r_1_2'), undefined)).toBe('—');
    expect(rolledText(row('r_1_2'), { ...values.get('r_1_2')!, value: null, numerator: 0, denominator: 0 })).toBe('— (0/0)');
    expect(rolledText(row('r_3_4_2'), { ...values.get('r_3_4_2')!, value: 1224 })).toBe('1.224');
  });

  it('counts the units in the figures', () => {
    expect(includedCount(rollup)).toEqual({ included: 2, total: 3 });
  });
});

describe('drill-down', () => {
  it("lists each unit's share by code, a rate with the unit's own numerator and denominator from its formula", () => {
    const lines = (id: string) =>
      contributionLines(template, row(id), values.get(id)!, rollup).map((l) => ({ unit: l.unit.name, reportId: l.reportId, value: l.value, parts: l.parts }));
    expect(lines('r_1_2_a')).toEqual([
      { unit: 'Xã Ba Bể', reportId: 1, value: '3', parts: '' },
      { unit: 'Xã Chợ Đồn', reportId: 2, value: '4', parts: '' },
    ]);
    expect(lines('r_1_2')).toEqual([
      { unit: 'Xã Ba Bể', reportId: 1, value: '66,67%', parts: '2/3' },
      { unit: 'Xã Chợ Đồn', reportId: 2, value: '75%', parts: '3/4' },
    ]);
    expect(lines('r_1_6_2').map((l) => l.value)).toEqual(['Kết hợp (2)', 'Phát phiếu (1)']);
    expect(lines('r_1_1').map((l) => l.value)).toEqual(['KH số 12', '—']);
  });
});

describe('the check against the dossiers', () => {
  it('puts differences in row order with the gap, and flags totals that differ', () => {
    const lines = discrepancyLines(template, rollup, {
      discrepancies: [
        { unitId: 12, rowId: 'r_3_4_4', reported: 50, computed: 37.5 },
        { unitId: 12, rowId: 'r_3_4_2', reported: 110, computed: 112 },
        { unitId: 11, rowId: 'r_3_4_2', reported: '100', computed: 97 },
      ],
      computedTotal: [
        { rowId: 'r_3_4_4', rolledUp: 40, computed: 40 },
        { rowId: 'r_3_4_2', rolledUp: 210, computed: 209 },
      ],
    });
    expect(lines.units.map((l) => [l.unitName, l.rowName, l.reported, l.computed, l.difference, l.reportId])).toEqual([
      ['Xã Ba Bể', '3.4.2. Số hồ sơ tiếp nhận trong kỳ', '100', '97', '+3', 1],
      ['Xã Chợ Đồn', '3.4.2. Số hồ sơ tiếp nhận trong kỳ', '110', '112', '−2', 2],
      ['Xã Chợ Đồn', '3.4.4. Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', '50%', '37,5%', '+12,5%', 2],
    ]);
    expect(lines.totals.map((t) => [t.rowId, t.rolledUp, t.computed, t.differs, t.difference])).toEqual([
      ['r_3_4_2', '210', '209', true, '+1'],
      ['r_3_4_4', '40%', '40%', false, '0'],
    ]);
  });
});
