import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../templates/load-template';
import type { ReportValue } from './report-values';
import { coverageText, ratioOf, rollUp, rollupMethod } from './rollup';
import { parseFormula } from '../templates/formula';

const template = loadTemplate(
  `
id: thu
version: "1"
title: Thử
issuer: Thử
levels: [commune]
periods: [quarter]
rows:
  - id: r_1
    code: "1."
    label: Tỷ lệ hoàn thành kế hoạch
    unit: "%"
    kind: percent
    source: { formula: "r_1_b / r_1_a * 100", decimals: 2 }
    aggregate: recompute
    children:
      - { id: r_1_a, label: Nhiệm vụ, kind: count }
      - { id: r_1_b, label: Hoàn thành, kind: count }
  - { id: r_2, code: "2.", label: Tỷ lệ tiếp nhận trực tuyến toàn trình, unit: "%", kind: percent, source: { metric: rates.online_full_pct }, aggregate: recompute }
  - { id: r_3, code: "3.", label: Hình thức khảo sát, kind: enum, legend: { "0": Trực tuyến, "1": Phát phiếu, "2": Kết hợp } }
  - { id: r_4, code: "4.", label: Đối thoại, kind: yes_no }
  - { id: r_5, code: "5.", label: Số xã khảo sát kết hợp, kind: count, source: { count_units: { row: r_3, equals: 2 } } }
  - { id: r_6, code: "6.", label: Số kế hoạch, kind: text }
  - { id: r_7, code: "7.", label: Tỷ lệ tự đánh giá, unit: "%", kind: percent, aggregate: none }
`,
  'thu.yaml',
);

const v = (value: number | string | null, parts?: { numerator: number; denominator: number }): ReportValue => ({
  value,
  provenance: parts ? 'computed' : 'entered',
  computed: parts ? (value as number) : null,
  reason: null,
  parts: parts ?? null,
});

const commune = (unitId: number, values: Record<string, ReportValue>) => ({ unitId, values: new Map(Object.entries(values)) });

// Two communes of very different sizes: averaging their percentages is wrong.
const a = commune(1, {
  r_1_a: v(10),
  r_1_b: v(9),
  r_1: v(90),
  r_2: v(50, { numerator: 1, denominator: 2 }),
  r_3: v(2),
  r_4: v(1),
  r_6: v('Số 12/KH-UBND'),
});
const b = commune(2, {
  r_1_a: v(200),
  r_1_b: v(100),
  r_1: v(50),
  r_2: v(99, { numerator: 198, denominator: 200 }),
  r_3: v(0),
  r_4: v(1),
});
const c = commune(3, { r_1_a: v('1.224'), r_1_b: v(0), r_3: v(2), r_4: v(0) });

describe('rollUp', () => {
  const rolled = rollUp(template, [a, b, c]);

  it('sums counts, reading Vietnamese number text', () => {
    expect(rolled.get('r_1_a')?.value).toBe(10 + 200 + 1224);
    expect(rolled.get('r_1_b')?.value).toBe(109);
    expect(rolled.get('r_1_a')?.answered).toBe(3);
  });

  it('recomputes a formula rate from the summed parts, which averaging would get wrong', () => {
    const r1 = rolled.get('r_1')!;
    expect(r1.numerator).toBe(109);
    expect(r1.denominator).toBe(1434);
    expect(r1.value).toBe(7.6);
    expect(r1.contributions.map((c) => c.parts)).toEqual([
      { numerator: 9, denominator: 10 },
      { numerator: 100, denominator: 200 },
      { numerator: 0, denominator: 1224 },
    ]);
    const averageOfReported = (90 + 50) / 2;
    expect(averageOfReported).toBe(70);
    expect(r1.value).not.toBe(averageOfReported);
  });

  it('recomputes a rate from dossiers from the summed numerator and denominator', () => {
    const r2 = rolled.get('r_2')!;
    expect([r2.numerator, r2.denominator, r2.value]).toEqual([199, 202, 98.51]);
    expect(r2.value).not.toBe((50 + 99) / 2);
  });

  it('counts coded answers per option', () => {
    const r3 = rolled.get('r_3')!;
    expect(r3.options).toEqual([
      { option: '0', label: 'Trực tuyến', count: 1 },
      { option: '1', label: 'Phát phiếu', count: 0 },
      { option: '2', label: 'Kết hợp', count: 2 },
    ]);
    expect(r3.value).toBe('Trực tuyến: 1/3; Kết hợp: 2/3');
    expect(rolled.get('r_4')?.options?.map((o) => o.count)).toEqual([1, 2]);
  });

  it('counts the units whose answer matches for count_units rows', () => {
    expect(rolled.get('r_5')?.value).toBe(2);
    expect(rolled.get('r_5')?.contributions.map((x) => x.value)).toEqual([1, 0, 1]);
  });

  it('leaves text and rows marked none without a figure', () => {
    expect(rolled.get('r_6')?.value).toBeNull();
    expect(rolled.get('r_7')?.value).toBeNull();
    expect(rolled.get('r_7')?.method).toBe('none');
  });

  it('keeps each unit contribution for drill-down', () => {
    expect(rolled.get('r_1_b')?.contributions).toEqual([
      { unitId: 1, value: 9, parts: null, status: 'counted', leftOut: null },
      { unitId: 2, value: 100, parts: null, status: 'counted', leftOut: null },
      { unitId: 3, value: 0, parts: null, status: 'counted', leftOut: null },
    ]);
  });

  it('recomputes a dossier rate over the units with parts and leaves out, named, a percentage typed by hand', () => {
    const rolledWithManual = rollUp(template, [a, commune(4, { r_2: v(80) })]);
    const r2 = rolledWithManual.get('r_2')!;
    expect([r2.numerator, r2.denominator, r2.value]).toEqual([1, 2, 50]);
    expect(r2.coverage).toEqual({ counted: 1, expected: 2, notApplicable: 0, leftOut: [{ unitId: 4, reason: 'tỷ lệ ghi tay hoặc đã sửa, không có tử số và mẫu số' }] });
  });

  it('gives no rate over a zero denominator and nothing at all without reports', () => {
    const zero = rollUp(template, [commune(5, { r_1_a: v(0), r_1_b: v(0) })]);
    expect(zero.get('r_1')?.value).toBeNull();
    expect(zero.get('r_1')?.note).toMatch(/Mẫu số bằng 0/);
    const empty = rollUp(template, []);
    expect(empty.get('r_1_a')?.value).toBeNull();
    expect(empty.get('r_3')?.value).toBeNull();
  });
});

describe('honest roll-up: coverage, left-out units and "không phát sinh"', () => {
  // The province: three communes gave 24 of 27 planned tasks done; a fourth planned 21
  // tasks and left "done" blank. 24/48 = 50 % mixes two sets of communes; the honest rate is 24/27.
  const complete = [commune(11, { r_1_a: v(10), r_1_b: v(9) }), commune(12, { r_1_a: v(9), r_1_b: v(8) }), commune(13, { r_1_a: v(8), r_1_b: v(7) })];
  const blankDone = commune(14, { r_1_a: v(21), r_1_b: v(null) });
  const notApplicable = commune(15, { r_1_a: v('-'), r_1_b: v('-'), r_3: v('-') });
  const rolled = rollUp(template, [...complete, blankDone, notApplicable], { expected: 6 });

  it('recomputes a rate only over the units that gave both parts: 24/27 = 88,89 %, not 24/48', () => {
    const r1 = rolled.get('r_1')!;
    expect([r1.numerator, r1.denominator, r1.value]).toEqual([24, 27, 88.89]);
    expect(r1.value).not.toBe(50);
  });

  it('names the unit left out of the rate with the part it lacks, and counts "không phát sinh" apart', () => {
    const r1 = rolled.get('r_1')!;
    expect(r1.coverage).toEqual({ counted: 3, expected: 6, notApplicable: 1, leftOut: [{ unitId: 14, reason: 'thiếu Hoàn thành' }] });
    expect(r1.contributions.find((c) => c.unitId === 14)).toMatchObject({ status: 'left_out', parts: null });
    const names = new Map([[14, 'Xã Tân Cương']]);
    expect(coverageText(r1.coverage, (id) => names.get(id) ?? `#${id}`)).toBe(
      '3/6 đơn vị; không phát sinh: 1 đơn vị; không tính: Xã Tân Cương (thiếu Hoàn thành)',
    );
  });

  it('gives sums their coverage: blank units named, "-" out of the sum and counted', () => {
    const planned = rolled.get('r_1_a')!;
    expect(planned.value).toBe(48);
    expect(planned.coverage).toMatchObject({ counted: 4, notApplicable: 1, leftOut: [] });
    const done = rolled.get('r_1_b')!;
    expect(done.value).toBe(24);
    expect(done.coverage).toEqual({ counted: 3, expected: 6, notApplicable: 1, leftOut: [{ unitId: 14, reason: 'chưa ghi số liệu' }] });
  });

  it('keeps "-" out of the counted options and prints "-" when every answer is "không phát sinh"', () => {
    expect(rolled.get('r_3')?.options?.every((o) => o.option !== '-')).toBe(true);
    expect(rolled.get('r_3')?.coverage.notApplicable).toBe(1);
    const onlyNa = rollUp(template, [notApplicable]);
    expect(onlyNa.get('r_1_a')?.value).toBe('-');
    expect(onlyNa.get('r_1')?.value).toBe('-');
  });

  it('a count written as words is left out of the sum, not read as 0', () => {
    const odd = rollUp(template, [commune(1, { r_1_a: v(5) }), commune(2, { r_1_a: v('năm') })]);
    expect(odd.get('r_1_a')?.value).toBe(5);
    expect(odd.get('r_1_a')?.coverage.leftOut).toEqual([{ unitId: 2, reason: '"năm" không phải là số' }]);
  });
});

describe('rollupMethod and ratioOf', () => {
  it('defaults by kind', () => {
    expect(rollupMethod(template.byId.get('r_1_a')!)).toBe('sum');
    expect(rollupMethod(template.byId.get('r_4')!)).toBe('count_by_option');
    expect(rollupMethod(template.byId.get('r_6')!)).toBe('none');
  });
  it('finds numerator and denominator in a * 100 ratio', () => {
    const ratio = ratioOf(parseFormula('(x + y) / z * 100'));
    expect(ratio?.numerator.type).toBe('binary');
    expect(ratio?.denominator).toEqual({ type: 'name', name: 'z' });
    expect(ratioOf(parseFormula('x + y'))).toBeNull();
  });
});
