import type { Template } from '../domain/templates/template';
import { reportXlsx } from './report-xlsx';

type Cell = { value: number | string | null };

/** What the roll-up workbook needs from a roll-up (the service's `Rollup` fits). */
export interface RollupWorkbookInput {
  template: Template;
  unit: { name: string };
  periodLabel: string;
  basis: 'approved' | 'submitted';
  units: ReadonlyArray<{ unit: { id: number; name: string }; included: boolean }>;
  values: ReadonlyMap<string, Cell>;
  /** The included units' values, by unit id. */
  sources: ReadonlyMap<number, ReadonlyMap<string, Cell>>;
}

/** One value column for the roll-up, then one per included unit (#6: the appendix at a higher level). */
export async function rollupWorkbook(r: RollupWorkbookInput): Promise<Buffer> {
  const included = r.units.filter((u) => u.included);
  return reportXlsx({
    template: r.template,
    title: `Tổng hợp ${r.template.title}`,
    subtitle: `${r.periodLabel} – ${r.unit.name} (${included.length}/${r.units.length} đơn vị ${r.basis === 'approved' ? 'đã duyệt' : 'đã gửi'})`,
    columns: [
      { header: 'Tổng hợp', values: new Map([...r.values].map(([id, v]) => [id, { value: v.value }])) },
      ...included.map((u) => ({ header: u.unit.name, values: r.sources.get(u.unit.id) ?? new Map<string, Cell>() })),
    ],
  });
}
