import { coverageText, type Contribution, type RowCoverage } from '../domain/reports/rollup';
import type { Template } from '../domain/templates/template';
import { reportXlsx } from './report-xlsx';

type Cell = { value: number | string | null };
type RolledCell = Cell & { method?: string; coverage?: RowCoverage; contributions?: readonly Contribution[] };

/** What the roll-up workbook needs from a roll-up (the service's `Rollup` fits). */
export interface RollupWorkbookInput {
  template: Template;
  unit: { name: string };
  periodLabel: string;
  basis: 'approved' | 'submitted';
  units: ReadonlyArray<{ unit: { id: number; name: string }; included: boolean }>;
  values: ReadonlyMap<string, RolledCell>;
  /** The included units' values, by unit id. */
  sources: ReadonlyMap<number, ReadonlyMap<string, Cell>>;
}

/**
 * One value column for the roll-up, one for its coverage ("12/15 đơn vị; không phát sinh: 1 đơn vị;
 * không tính: …"), then one per included unit, where a cell left out of the roll-up is shaded with
 * the reason as its note (#6: the appendix at a higher level; #11: an honest roll-up).
 */
export async function rollupWorkbook(r: RollupWorkbookInput): Promise<Buffer> {
  const included = r.units.filter((u) => u.included);
  const names = new Map(r.units.map((u) => [u.unit.id, u.unit.name]));
  const nameOf = (id: number) => names.get(id) ?? `Đơn vị số ${id}`;
  const coverage = new Map<string, Cell>();
  const leftOut = new Map<number, Map<string, string>>();
  for (const [rowId, rolled] of r.values) {
    if (!rolled.coverage || rolled.method === 'none') continue;
    coverage.set(rowId, { value: coverageText(rolled.coverage, nameOf) });
    for (const c of rolled.contributions ?? []) {
      if (c.status !== 'left_out' || !c.leftOut) continue;
      const marks = leftOut.get(c.unitId) ?? new Map<string, string>();
      marks.set(rowId, `Không tính vào số liệu tổng hợp: ${c.leftOut}.`);
      leftOut.set(c.unitId, marks);
    }
  }
  return reportXlsx({
    template: r.template,
    title: `Tổng hợp ${r.template.title}`,
    subtitle: `${r.periodLabel} – ${r.unit.name} (${included.length}/${r.units.length} đơn vị ${r.basis === 'approved' ? 'đã duyệt' : 'đã gửi'})`,
    columns: [
      { header: 'Tổng hợp', values: new Map([...r.values].map(([id, v]) => [id, { value: v.value }])) },
      { header: 'Phạm vi tổng hợp', values: coverage, width: 28 },
      ...included.map((u) => ({ header: u.unit.name, values: r.sources.get(u.unit.id) ?? new Map<string, Cell>(), marks: leftOut.get(u.unit.id) })),
    ],
  });
}
