import { readFileSync } from 'node:fs';
import type { Role } from '../../domain/auth/role';
import type { Store } from '../../store/store';
import type { ImportDossiersResult } from '../dossiers/import-dossiers';
import { addUser } from '../users/add-user';
import { importUnits } from '../units/import-units';
import { DEMO_DOSSIERS_FROM, seedDemoDossiers } from './seed-demo-dossiers';
import { seedDemoLists } from './seed-demo-lists';
import { seedDemoReports, type DemoReportsResult } from './seed-demo-reports';

const ROOT = new URL('../../../', import.meta.url);
const UNIT_LISTS = ['reference/units/vn-units-2025-03-01.json', 'reference/units/vn-units-2026-04-30.json'];

interface DemoFile {
  province: { code: string; asOf: string };
  password: string;
  accounts: Array<{ username: string; displayName: string; role: Role; unitCode: string }>;
}

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  unitName: string;
}

export function readDemoFile(): DemoFile {
  return JSON.parse(readFileSync(new URL('demo/accounts.json', ROOT), 'utf8')) as DemoFile;
}

export interface DemoOptions {
  /**
   * Also what `serve --demo` shows around this day: the sample dossiers up to it, then the
   * province's reporting obligation and the communes' reports of the previous quarters.
   */
  today?: string;
}

export interface DemoSeed {
  unitsLoaded: boolean;
  accounts: DemoAccount[];
  created: string[];
  /** The dossiers imported now (null when there were already some, or without `today`). */
  dossiers: ImportDossiersResult | null;
  /** The reporting workflow prepared (null without `today`). */
  reports: DemoReportsResult | null;
}

/**
 * Prepares the demo: both real unit lists and the demo province's accounts; with `today`, also
 * its dossiers and reports. Safe to run on every start: an empty store is filled, a filled one
 * is left as it is.
 */
export async function seedDemo(store: Store, options: DemoOptions = {}): Promise<DemoSeed> {
  const demo = readDemoFile();
  let unitsLoaded = false;
  if ((await store.units.count()) === 0) {
    for (const path of UNIT_LISTS) {
      await importUnits(store, { file: path, text: readFileSync(new URL(path, ROOT), 'utf8') });
    }
    unitsLoaded = true;
  }
  const created: string[] = [];
  const accounts: DemoAccount[] = [];
  for (const account of demo.accounts) {
    const unit = await store.units.findByCodeOn(account.unitCode, demo.province.asOf);
    if (!unit) throw new Error(`Dữ liệu demo: không tìm thấy đơn vị mã ${account.unitCode}.`);
    if (!(await store.users.findByUsername(account.username))) {
      await addUser(store, { ...account, password: demo.password, unitId: unit.id });
      created.push(account.username);
    }
    accounts.push({ ...account, password: demo.password, unitName: unit.name });
  }
  if (!options.today) return { unitsLoaded, accounts, created, dossiers: null, reports: null };
  const dossiers = await seedDemoDossiers(store, demo.province.code, options.today);
  // The communes' procedure lists and registers, so their reports fill those rows from data.
  for (const account of demo.accounts) {
    const unit = await store.units.findByCodeOn(account.unitCode, demo.province.asOf);
    if (unit?.level === 'commune') await seedDemoLists(store, unit, DEMO_DOSSIERS_FROM, options.today);
  }
  const reports = await seedDemoReports(store, { provinceCode: demo.province.code, today: options.today, accounts: demo.accounts, dataFrom: DEMO_DOSSIERS_FROM });
  return { unitsLoaded, accounts, created, dossiers, reports };
}
