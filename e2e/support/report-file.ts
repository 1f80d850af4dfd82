import { readFileSync } from 'node:fs';

/** The complete interchange example of docs/interchange.md (Xã Ba Bể, 2026-Q1, mac-dinh-xa). */
export const DOCUMENTED_EXAMPLE = JSON.parse(readFileSync(new URL('../../docs/examples/bao-cao-xa-ba-be-2026-Q1.json', import.meta.url), 'utf8')) as {
  template: string;
  unit: string;
  period: string;
  values: Record<string, number | string | null>;
  notes: Record<string, string>;
  meta: Record<string, unknown>;
  narrative: unknown;
};

/**
 * The documented example made over for another unit and period, with some figures replaced: what
 * a commune's own spreadsheet would export. Rows the example marks "không phát sinh" get 0 unless
 * `notApplicable` keeps them, so that a report is not held back from a bulk approval for them.
 */
export function reportFile(input: { unitCode: string; unitName: string; periodId: string; values?: Record<string, number | string>; notApplicable?: boolean; date?: string }) {
  const values: Record<string, number | string | null> = {};
  for (const [key, value] of Object.entries(DOCUMENTED_EXAMPLE.values)) {
    values[key] = !input.notApplicable && typeof value === 'string' && /^(-|không phát sinh)$/i.test(value) ? 0 : value;
  }
  // A rate over parts that changed is left for the system to compute.
  for (const key of ['1.2.', '2.4.']) delete values[key];
  return {
    ...DOCUMENTED_EXAMPLE,
    unit: input.unitCode,
    period: input.periodId,
    values: { ...values, ...(input.values ?? {}) },
    meta: { ...DOCUMENTED_EXAMPLE.meta, unitName: `UBND ${input.unitName}`, ...(input.date ? { date: input.date } : {}) },
  };
}
