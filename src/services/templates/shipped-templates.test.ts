import { describe, expect, it } from 'vitest';
import type { Template, TemplateRow } from '../../domain/templates/template';
import { SEED_000_ROWS } from './fixtures/000-rows';
import { SEED_001_ROWS } from './fixtures/001-rows';
import { SEED_003_ROWS } from './fixtures/003-rows';
import type { PrintedRow } from './fixtures/printed-row';
import { loadShippedTemplates } from './template-files';

const templates = loadShippedTemplates();
const template = (id: string): Template => {
  const found = templates.get(id);
  if (!found) throw new Error(`template ${id} is not shipped`);
  return found;
};

const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
const printed = (row: TemplateRow): PrintedRow => [row.code ?? null, squash(row.label), row.unit ?? null];
const sourceOf = (row: TemplateRow | undefined) => row?.source;
const metricOf = (row: TemplateRow | undefined) => {
  const source = sourceOf(row);
  return source && typeof source === 'object' && 'metric' in source ? source.metric : undefined;
};
const formulaOf = (row: TemplateRow | undefined) => {
  const source = sourceOf(row);
  return source && typeof source === 'object' && 'formula' in source ? source.formula : undefined;
};
const byConcept = (t: Template, concept: string) => t.rows.find((row) => row.concept === concept);

const SAMPLES = [
  { id: 'thai-nguyen-xa-quy', seed: '001', rows: SEED_001_ROWS, count: 122, percentsWithParts: 12 },
  // Phụ lục 01b prints no percentage with its numerator and denominator
  { id: 'thanh-hoa-xa-quy', seed: '003', rows: SEED_003_ROWS, count: 81, percentsWithParts: 0 },
  { id: 'hai-duong-xa-6thang', seed: '000', rows: SEED_000_ROWS, count: 122, percentsWithParts: 12 },
] as const;

describe.each(SAMPLES)('$id reproduces the appendix of seed $seed', ({ id, rows, count, percentsWithParts }) => {
  it('the fixture holds the whole printed appendix', () => {
    expect(rows).toHaveLength(count);
    expect(rows.every(([, label]) => label.trim().length > 0)).toBe(true);
  });

  it('has every printed row, in printed order, with the same code, label and unit — and no other row', () => {
    const expected = rows.map(([code, label, unit]): PrintedRow => [code, squash(label), unit]);
    expect(template(id).rows.map(printed)).toEqual(expected);
  });

  it('gives every row a unique id and every data row an aggregation', () => {
    const t = template(id);
    expect(new Set(t.rows.map((row) => row.id)).size).toBe(t.rows.length);
    expect(t.rows.filter((row) => row.kind !== 'heading' && !row.aggregate).map((row) => row.id)).toEqual([]);
  });

  it('computes every percent printed with its numerator and denominator under it', () => {
    const t = template(id);
    const withCountParts = t.rows.filter(
      (row) => row.kind === 'percent' && row.childIds.map((child) => t.byId.get(child)!).filter((c) => c.kind === 'count' || c.kind === 'money').length >= 2,
    );
    expect(withCountParts).toHaveLength(percentsWithParts);
    for (const row of withCountParts) {
      expect(formulaOf(row), row.id).toMatch(/\/ .* \* 100$/);
      expect(row.aggregate, row.id).toBe('recompute');
    }
  });
});

describe('metrics and formulas of the seed templates', () => {
  it('Thái Nguyên: 1.1, 3.4.2 and 3.2.4 are numerator / denominator, bound to the dossier statistics', () => {
    const t = template('thai-nguyen-xa-quy');
    expect(formulaOf(t.byId.get('r_1_1'))).toBe('r_1_1_b / r_1_1_a * 100');
    expect(formulaOf(t.byId.get('r_3_4_2'))).toBe('r_3_4_2_b / r_3_4_2_a * 100');
    expect(t.byId.get('r_3_4_2')).toMatchObject({ code: '3.4.2.', parts: 'at_most' });
    expect(metricOf(t.byId.get('r_3_4_2_a'))).toBe('resolved.total');
    expect(metricOf(t.byId.get('r_3_4_2_b'))).toBe('resolved.early + resolved.on_time');
    expect(metricOf(t.byId.get('r_3_2_4_a'))).toBe('received.in_period');
    expect(metricOf(t.byId.get('r_3_2_4_b'))).toBe('received.online');
    // 3.4.1 is about the district's dossiers: a commune has none in its statistics
    expect(metricOf(t.byId.get('r_3_4_1_a'))).toBeUndefined();
    expect(t.byId.get('r_7_2')).toMatchObject({ kind: 'enum', legend: { '0': 'Chưa có', '1': '2 cấp', '2': '3 cấp' } });
    expect(t.cutoff).toBe('nd09');
  });

  it('Thanh Hóa: received by channel and resolved on time come from the statistics', () => {
    const t = template('thanh-hoa-xa-quy');
    expect(metricOf(t.byId.get('r_3_3_1'))).toBe('received.in_period');
    expect(['r_3_3_1_a', 'r_3_3_1_b', 'r_3_3_1_c', 'r_3_3_1_d'].map((id) => metricOf(t.byId.get(id)))).toEqual([
      'received.direct',
      'received.postal',
      'received.online_partial',
      'received.online_full',
    ]);
    expect(metricOf(t.byId.get('r_3_3_2'))).toBe('resolved.early + resolved.on_time');
    expect(t.byId.get('r_1_1')).toMatchObject({ kind: 'text', aggregate: 'none' });
    // the form prints 1.1.2 and 1.1.3 twice; the ids stay unique
    expect(t.rows.filter((row) => row.code === '1.1.2').map((row) => row.id)).toEqual(['r_1_1_2', 'r_1_2_2']);
    expect(t.cutoff).toBe('nd09');
  });

  it('Hải Dương: each Biểu mẫu is a top-level heading; cut-off on day 10', () => {
    const t = template('hai-duong-xa-6thang');
    const top = t.rows.filter((row) => row.depth === 0);
    expect(top.map((row) => row.code)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Biểu mẫu ${n}`));
    expect(top.every((row) => row.kind === 'heading')).toBe(true);
    expect(formulaOf(t.byId.get('r_bm3_3_3'))).toBe('r_bm3_3_3_2 / r_bm3_3_3_1 * 100');
    expect(metricOf(t.byId.get('r_bm3_3_3_1'))).toBe('resolved.total');
    expect(metricOf(t.byId.get('r_bm7_6_7_2'))).toBe('received.online');
    expect(t.cutoff).toBe('day:10');
    expect(t.periods).toContain('half');
  });
});

describe('mac-dinh-xa, the default template for two-level communes', () => {
  const t = template('mac-dinh-xa');

  it('loads as a quarterly, half-year, nine-month and yearly commune form under Decree 09', () => {
    expect(t).toMatchObject({ levels: ['commune'], cutoff: 'nd09' });
    expect([...t.periods].sort()).toEqual(['half', 'nine_months', 'quarter', 'year']);
    expect(new Set(t.rows.map((row) => row.id)).size).toBe(t.rows.length);
  });

  it('binds the one-stop statistics', () => {
    const bound = Object.fromEntries(t.rows.filter((row) => metricOf(row)).map((row) => [row.concept, metricOf(row)]));
    expect(bound).toMatchObject({
      'onestop.received': 'received.in_period',
      'onestop.received_direct': 'received.direct',
      'onestop.received_online': 'received.online',
      'onestop.received_postal': 'received.postal',
      'onestop.carried_over': 'received.carried_over',
      'onestop.received_total': 'received.total',
      'onestop.resolved_total': 'resolved.total',
      'onestop.resolved_on_time': 'resolved.early + resolved.on_time',
      'onestop.resolved_early': 'resolved.early',
      'onestop.resolved_on_due_day': 'resolved.on_time',
      'onestop.resolved_late': 'resolved.late',
      'onestop.pending': 'pending.total',
      'onestop.pending_in_time': 'pending.in_time',
      'onestop.pending_overdue': 'pending.overdue',
      'onestop.returned': 'returned',
      'onestop.digitized_input': 'digitized.input',
      'onestop.digitized_output': 'digitized.output',
      'onestop.payment_with_fee': 'payment.with_fee',
      'onestop.payment_online': 'payment.online',
      'onestop.rated': 'rating.total',
      'onestop.received_online_full_pct': 'rates.online_full_pct',
    });
  });

  it('computes the one-stop rates from the bound rows', () => {
    const formulaFor = (concept: string) => formulaOf(byConcept(t, concept));
    expect(formulaFor('onestop.resolved_on_time_pct')).toBe('r_3_5_1_b / r_3_5_1_a * 100');
    expect(formulaFor('onestop.received_online_pct')).toBe('r_3_4_2_b / r_3_4_2 * 100');
    expect(formulaFor('onestop.digitized_input_pct')).toBe('r_3_6_1_a / r_3_4_2 * 100');
    expect(formulaFor('onestop.digitized_output_pct')).toBe('r_3_6_2_a / r_3_5_1_a * 100');
    expect(formulaFor('onestop.payment_online_pct')).toBe('r_3_6_3_b / r_3_6_3_a * 100');
    expect(formulaFor('onestop.satisfaction_pct')).toBe('(r_3_7_1_a + r_3_7_1_b) / r_3_7_1 * 100');
    for (const concept of ['onestop.resolved_on_time_pct', 'onestop.received_online_pct', 'onestop.satisfaction_pct']) {
      expect(byConcept(t, concept)).toMatchObject({ kind: 'percent', unit: '%', aggregate: 'recompute' });
    }
  });
});

describe('concepts shared by the four templates', () => {
  const all = ['thai-nguyen-xa-quy', 'thanh-hoa-xa-quy', 'hai-duong-xa-6thang', 'mac-dinh-xa'].map(template);
  const SHARED_BY_ALL = [
    'plan.tasks_total',
    'plan.tasks_done',
    'tasks_assigned.total',
    'tasks_assigned.done_on_time',
    'tasks_assigned.done_late',
    'inspection.issues_found',
    'inspection.issues_resolved',
    'survey.count',
    'survey.method',
    'dialogue.held',
    'legal.docs_checked',
    'legal.docs_reviewed',
    'procedures.new',
    'procedures.abolished',
    'procedures.in_force',
    'procedures.interconnected_same_level',
    'procedures.interconnected_levels',
    'procedures.location_independent',
    'online.procedures_partial',
    'online.procedures_full',
    'online.payment_procedures_integrated',
    'onestop.received',
    'onestop.resolved_on_time',
    'staff.quota',
    'staff.present',
    'staff.reduced',
    'staff.reduced_pct_2015',
    'staff.disciplined',
    'egov.online_meeting',
    'egov.docs_fully_electronic_pct',
  ];

  it.each(SHARED_BY_ALL)('%s is in all four templates', (concept) => {
    for (const t of all) expect(byConcept(t, concept), `${concept} in ${t.id}`).toBeDefined();
  });

  it('the on-time rate and its parts are in every form that prints them (Phụ lục 01b prints only the on-time count)', () => {
    for (const t of all.filter((t) => t.id !== 'thanh-hoa-xa-quy')) {
      for (const concept of ['onestop.resolved_on_time_pct', 'onestop.resolved_total', 'onestop.received_online_pct', 'onestop.received_online', 'plan.completion_pct']) {
        expect(byConcept(t, concept), `${concept} in ${t.id}`).toBeDefined();
      }
    }
  });

  it('a concept names one row per template, of the same kind in every template', () => {
    const kinds = new Map<string, Set<string>>();
    for (const t of all) {
      const concepts = t.rows.flatMap((row) => (row.concept ? [row.concept] : []));
      expect(concepts.filter((c, i) => concepts.indexOf(c) !== i), t.id).toEqual([]);
      for (const row of t.rows) if (row.concept) kinds.set(row.concept, new Set([...(kinds.get(row.concept) ?? []), row.kind]));
    }
    expect([...kinds].filter(([, k]) => k.size > 1).map(([concept, k]) => `${concept}: ${[...k].join(', ')}`)).toEqual([]);
  });

  it('a concept bound to the statistics is bound to the same metric everywhere', () => {
    const metrics = new Map<string, Set<string>>();
    for (const t of all) for (const row of t.rows) if (row.concept && metricOf(row)) metrics.set(row.concept, new Set([...(metrics.get(row.concept) ?? []), metricOf(row)!]));
    expect([...metrics].filter(([, m]) => m.size > 1)).toEqual([]);
    expect(metrics.get('onestop.resolved_on_time')).toEqual(new Set(['resolved.early + resolved.on_time']));
    expect(metrics.get('onestop.received')).toEqual(new Set(['received.in_period']));
  });
});
