/**
 * How many value rows of each shipped template come from data: dossier metrics, the unit's
 * procedure list, its registers, and formulas whose every input comes from data; the rest is
 * typed by hand. `npx tsx scripts/automation-table.ts [--before DIR]` prints the table of
 * docs/automation.md (with --before, also the count for the templates in DIR, e.g. an older
 * checkout's templates/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formulaNames, parseFormula } from '../src/domain/templates/formula';
import { loadTemplate } from '../src/domain/templates/load-template';
import type { Template, TemplateRow } from '../src/domain/templates/template';

type Origin = 'dossiers' | 'procedures' | 'register' | 'formula' | 'child_units' | 'manual';

function origin(template: Template, row: TemplateRow, seen = new Set<string>()): Origin {
  const source = row.source;
  if (typeof source !== 'object' || source === null || 'manual' in source) return 'manual';
  if ('metric' in source) return 'dossiers';
  if ('procedures' in source) return 'procedures';
  if ('register' in source) return 'register';
  if ('count_units' in source) return 'child_units';
  if (seen.has(row.id)) return 'manual';
  const inputs = [...formulaNames(parseFormula(source.formula))].map((id) => template.byId.get(id));
  const next = new Set([...seen, row.id]);
  return inputs.every((r) => r && origin(template, r, next) !== 'manual') ? 'formula' : 'manual';
}

function count(dir: string) {
  const result = new Map<string, { total: number; byOrigin: Record<Origin, number> }>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const template = loadTemplate(readFileSync(join(dir, name), 'utf8'), name);
    const byOrigin: Record<Origin, number> = { dossiers: 0, procedures: 0, register: 0, formula: 0, child_units: 0, manual: 0 };
    const rows = template.rows.filter((r) => r.kind === 'heading' ? false : template.levels.includes('commune') ? !r.levels || r.levels.includes('commune') : true);
    for (const row of rows) byOrigin[origin(template, row)] += 1;
    result.set(template.id, { total: rows.length, byOrigin });
  }
  return result;
}

const beforeIndex = process.argv.indexOf('--before');
const before = beforeIndex > 0 ? count(process.argv[beforeIndex + 1]!) : null;
const after = count(join(import.meta.dirname, '..', 'templates'));
const fromData = (c: { byOrigin: Record<Origin, number> }) => c.byOrigin.dossiers + c.byOrigin.procedures + c.byOrigin.register + c.byOrigin.formula + c.byOrigin.child_units;
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1).replace('.', ',')} %`;
console.log(`| template | value rows | dossiers | procedure list | registers | formulas on data | manual | from data${before ? ' | before' : ''} |`);
console.log(`|---|---|---|---|---|---|---|---|${before ? '---|' : ''}`);
for (const [id, c] of after) {
  const b = before?.get(id);
  const was = b ? ` | ${fromData(b)} (${pct(fromData(b), b.total)})` : before ? ' | —' : '';
  console.log(`| \`${id}\` | ${c.total} | ${c.byOrigin.dossiers} | ${c.byOrigin.procedures} | ${c.byOrigin.register} | ${c.byOrigin.formula} | ${c.byOrigin.manual} | **${fromData(c)} (${pct(fromData(c), c.total)})**${was} |`);
}
