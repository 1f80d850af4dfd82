import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import { unitCalendar } from '../calendar/unit-calendar';
import { importDossiers, type ImportDossiersResult } from '../dossiers/import-dossiers';
import { importProcedures } from '../dossiers/import-procedures';
import { invalidInput } from '../errors';
import { generateDossierRows, writeDossierCsv } from './generate-dossiers';

export const DEMO_PROCEDURES = fileURLToPath(new URL('../../../demo/procedures.csv', import.meta.url));

/** Loads the demo procedure catalogue when the store has none. */
export async function ensureDemoProcedures(store: Store): Promise<boolean> {
  if ((await store.procedures.count()) > 0) return false;
  await importProcedures(store, DEMO_PROCEDURES, 'demo/procedures.csv');
  return true;
}

export interface DemoDossiersInput {
  unit: Unit;
  count: number;
  from: string;
  to: string;
  seed?: number;
  source?: string;
}

/**
 * Generates realistic dossiers for a commune (or every commune of a province) and imports them
 * through the same path as a real export.
 */
export async function generateDemoDossiers(store: Store, input: DemoDossiersInput): Promise<ImportDossiersResult> {
  if (input.count < 1 || input.count > 5_000_000) throw invalidInput('Số hồ sơ phải từ 1 đến 5.000.000.');
  if (input.from > input.to) throw invalidInput('Ngày bắt đầu phải trước ngày kết thúc.');
  await ensureDemoProcedures(store);
  const communes = input.unit.level === 'commune' ? [input.unit] : (await store.units.subtree(input.unit.id, input.to)).filter((u) => u.level === 'commune');
  if (communes.length === 0) throw invalidInput(`${input.unit.name} không có đơn vị cấp xã còn hiệu lực.`);
  // Real communes receive mostly certifications and civil-status dossiers: those fields go first,
  // since the generator gives the first procedures the most dossiers.
  const busiest = ['Chứng thực', 'Hộ tịch', 'Đất đai', 'Hộ kinh doanh', 'Bảo trợ xã hội'];
  const rank = (field: string) => (busiest.includes(field) ? busiest.indexOf(field) : busiest.length);
  const procedures = (await store.procedures.all())
    .filter((p) => !/cấp tỉnh/i.test(p.level))
    .sort((a, b) => rank(a.field) - rank(b.field) || a.code.localeCompare(b.code));
  const dir = await mkdtemp(join(tmpdir(), 'cchc-demo-'));
  const path = join(dir, 'demo.csv');
  try {
    await writeDossierCsv(
      path,
      generateDossierRows({
        unitCodes: communes.map((u) => u.code),
        procedures,
        calendar: await unitCalendar(store, communes[0]!),
        from: input.from,
        to: input.to,
        count: input.count,
        seed: input.seed ?? 1,
        codePrefix: `DEMO-${input.unit.code}-${input.seed ?? 1}`,
      }),
    );
    return await importDossiers(store, { path, fileName: 'demo.csv', source: input.source ?? 'demo', actor: null });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const DEMO_DOSSIER_COUNT = 8000;
export const DEMO_DOSSIERS_FROM = '2025-07-01';

/**
 * The demo province's dossiers: when the store has none, the catalogue and a year and a half of
 * realistic dossiers across its communes, up to `today`. Safe on every start.
 */
export async function seedDemoDossiers(store: Store, provinceCode: string, today: string): Promise<ImportDossiersResult | null> {
  await ensureDemoProcedures(store);
  if ((await store.dossiers.count()) > 0) return null;
  const province = await store.units.findByCodeOn(provinceCode, today);
  if (!province) return null;
  return generateDemoDossiers(store, { unit: province, count: DEMO_DOSSIER_COUNT, from: DEMO_DOSSIERS_FROM, to: today, seed: 2026 });
}
