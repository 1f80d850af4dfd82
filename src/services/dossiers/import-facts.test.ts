import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/calendar/working-days';
import { FACT_COLUMNS, FactDeltas, type DossierForFacts } from '../../domain/dossiers/facts';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import { generateDossierRows, writeDossierCsv } from '../demo/generate-dossiers';
import { importDossiers } from './import-dossiers';
import { seedDossierWorld, tempFile } from './testing/dossier-test-setup';

/**
 * The import derives the daily facts with set-based SQL; the rule is factsOf in the domain. After
 * an import and a newer export that moves many dossiers on (and back), the stored facts must be
 * exactly the facts recomputed from the stored dossiers by the domain rule.
 */
describe(`daily facts of imports on ${testEngineName()}`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeAll(async () => {
    store = await openTestStore();
    await seedDossierWorld(store);
  });
  afterAll(async () => store.dispose());

  const rowsOn = async (exportDay: string) => [
    ...generateDossierRows({
      unitCodes: ['01906', '02020'], procedures: await store.procedures.all(), calendar: new WorkCalendar(),
      from: '2026-01-01', to: '2026-03-31', exportDay, count: 1500, seed: 11,
    }),
  ];
  /** The early export, with every other row as a later export says it. */
  const exportOn = async (exportDay: string) => {
    const early = await rowsOn('2026-02-15');
    const late = await rowsOn(exportDay);
    expect(late.map((r) => r[0])).toEqual(early.map((r) => r[0]));
    const path = tempFile(`export-${exportDay}.csv`, '');
    await writeDossierCsv(path, early.map((row, i) => (i % 2 === 0 ? late[i]! : row)));
    return path;
  };

  const expectFactsMatchDossiers = async () => {
    const dossiers = await store.db.selectFrom('dossiers').selectAll().execute();
    const deltas = new FactDeltas();
    for (const d of dossiers) {
      const view: DossierForFacts = {
        unitId: d.unit_id, procedureId: d.procedure_id, channel: d.channel, state: d.state, receivedDay: d.received_day, dueDay: d.due_day,
        finishDay: d.finish_day, digitizedInput: d.digitized_input, digitizedOutput: d.digitized_output, hasFee: d.has_fee,
        paidOnline: d.paid_online, rating: d.rating, onlineMode: d.online_mode,
      };
      deltas.add(view, 1);
    }
    const expected = new Map(deltas.rows().map((r) => [`${r.unitId}|${r.procedureId}|${r.channel}|${r.day}`, r.counts]));
    const stored = await store.db.selectFrom('dossier_facts').selectAll().execute();
    const actual = new Map(
      stored
        .filter((r) => FACT_COLUMNS.some((c) => r[c] !== 0))
        .map((r) => [`${r.unit_id}|${r.procedure_id}|${r.channel}|${String(r.day)}`, Object.fromEntries(FACT_COLUMNS.map((c) => [c, r[c]]))]),
    );
    expect(actual).toEqual(expected);
    const byUnit = new Map<string, Record<string, number>>();
    for (const [key, counts] of expected) {
      const [unit, , channel, day] = key.split('|');
      const k = `${unit}|${channel}|${day}`;
      const sum = byUnit.get(k) ?? Object.fromEntries(FACT_COLUMNS.map((c) => [c, 0]));
      for (const c of FACT_COLUMNS) sum[c]! += counts[c];
      byUnit.set(k, sum);
    }
    const unitRows = await store.db.selectFrom('dossier_unit_facts').selectAll().execute();
    const unitActual = new Map(
      unitRows
        .filter((r) => FACT_COLUMNS.some((c) => r[c] !== 0))
        .map((r) => [`${r.unit_id}|${r.channel}|${String(r.day)}`, Object.fromEntries(FACT_COLUMNS.map((c) => [c, r[c]]))]),
    );
    expect(unitActual).toEqual(new Map([...byUnit].filter(([, counts]) => FACT_COLUMNS.some((c) => counts[c] !== 0))));
  };

  it('equal the facts of the stored dossiers after inserts, updates and unchanged rows', async () => {
    const early = await importDossiers(store, { path: await exportOn('2026-02-15'), source: 'motcua', actor: null });
    expect(early).toMatchObject({ inserted: 1500, rejected: 0 });
    await expectFactsMatchDossiers();
    const later = await importDossiers(store, { path: await exportOn('2026-04-30'), source: 'motcua', actor: null });
    expect(later.updated).toBeGreaterThan(100);
    expect(later.unchanged).toBeGreaterThan(100);
    expect(later.inserted + later.updated + later.unchanged).toBe(1500);
    await expectFactsMatchDossiers();
    // An older export again moves them back: the facts follow.
    const back = await importDossiers(store, { path: await exportOn('2026-02-15'), source: 'motcua', actor: null });
    expect(back.updated).toBe(later.updated);
    await expectFactsMatchDossiers();
  });
});
