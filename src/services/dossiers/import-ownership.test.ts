import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import type { SessionUser } from '../auth/session-user';
import { addUser } from '../users/add-user';
import { getDossier } from './browse-dossiers';
import { computeDossierStats } from './compute-dossier-stats';
import { importDossiers } from './import-dossiers';
import { DOSSIER_HEADER, seedDossierWorld, tempFile } from './testing/dossier-test-setup';

const csv = (lines: string[]) => [DOSSIER_HEADER, ...lines].join('\n');

/** Issue #17, defect 1: an import could take over another unit's dossier by its (source, code). */
describe(`an import cannot reach another unit's dossier on ${testEngineName()}`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let ids: Awaited<ReturnType<typeof seedDossierWorld>>;
  let officerOf: (unitId: number, username: string) => Promise<SessionUser>;
  beforeAll(async () => {
    store = await openTestStore();
    ids = await seedDossierWorld(store);
    officerOf = async (unitId, username) => {
      const { user } = await addUser(store, { username, displayName: username, password: 'mat-khau-dai', role: 'officer', unitId });
      return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(unitId))! };
    };
  });
  afterAll(async () => store.dispose());

  it("leaves Chợ Đồn's dossier, totals and reader untouched when Ba Bể imports its code, and says nothing of it", async () => {
    // Chợ Đồn's dossier, imported by the province (CLI) from source "demo".
    await importDossiers(store, {
      path: tempFile('cho-don.csv', csv(['CD-0001,02020,1.001022,,,,Trực tiếp,02/03/2026 09:00,,,,Đang giải quyết,Không,Không,,,'])),
      source: 'demo',
      actor: null,
    });
    const choDon = await officerOf(ids.B, 'can.bo.cho.don');
    const baBe = await officerOf(ids.A, 'can.bo.ba.be');
    const stored = await store.db.selectFrom('dossiers').selectAll().where('code', '=', 'CD-0001').executeTakeFirstOrThrow();
    const window = { from: '2026-03-01', to: '2026-03-31' };
    const totalsBefore = (await computeDossierStats(store, choDon, { unitId: ids.B, ...window })).stats;
    expect(totalsBefore.received.in_period).toBe(1);

    // Ba Bể's officer uploads a row with the same source and code, in Ba Bể, finished.
    const probe = csv(['CD-0001,01906,1.001193,,,,Trực tuyến,03/03/2026 08:00,,04/03/2026 10:00,,Đã có kết quả,Có,Có,,,']);
    const answer = await importDossiers(store, { path: tempFile('ba-be.csv', probe), source: 'demo', actor: baBe });
    // The same answer as for a code nobody has: one new dossier of Ba Bể, nothing about Chợ Đồn.
    const fresh = await importDossiers(store, {
      path: tempFile('ba-be-2.csv', csv(['BB-NEW-1,01906,1.001193,,,,Trực tuyến,03/03/2026 08:00,,04/03/2026 10:00,,Đã có kết quả,Có,Có,,,'])),
      source: 'demo',
      actor: baBe,
    });
    const shape = (r: typeof answer) => ({ inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected, errors: r.errors });
    expect(shape(answer)).toEqual({ inserted: 1, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    expect(shape(answer)).toEqual(shape(fresh));
    expect(JSON.stringify(answer)).not.toMatch(/Chợ Đồn|02020/);

    // Chợ Đồn's dossier is as it was, its officer still reads it, its totals did not move.
    const after = await store.db.selectFrom('dossiers').selectAll().where('id', '=', stored.id).executeTakeFirstOrThrow();
    expect(after).toEqual(stored);
    const read = await getDossier(store, choDon, stored.id);
    expect(read.dossier).toMatchObject({ code: 'CD-0001', unitId: ids.B, state: 'processing' });
    expect((await computeDossierStats(store, choDon, { unitId: ids.B, ...window })).stats).toEqual(totalsBefore);

    // Ba Bể got its own dossier with that code, in its own totals.
    const baBeStats = (await computeDossierStats(store, baBe, { unitId: ids.A, ...window })).stats;
    expect(baBeStats.received.in_period).toBe(2);
    expect(baBeStats.resolved.total).toBe(2);

    // Re-importing Ba Bể's row changes nothing anywhere.
    const again = await importDossiers(store, { path: tempFile('ba-be-3.csv', probe), source: 'demo', actor: baBe });
    expect(shape(again)).toEqual({ inserted: 0, updated: 0, unchanged: 1, rejected: 0, errors: [] });
    expect(await store.db.selectFrom('dossiers').selectAll().where('id', '=', stored.id).executeTakeFirstOrThrow()).toEqual(stored);
  });
});
