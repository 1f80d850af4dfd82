import { sql } from 'kysely';
import type { Store } from '../../../store/store';
import { importDossiers } from '../../dossiers/import-dossiers';
import { DOSSIER_HEADER, seedDossierWorld, tempFile } from '../../dossiers/testing/dossier-test-setup';

/**
 * October 2026 (calendar month) for province P and its communes A (01906) and B (02020), with the
 * test catalogue (1.001193 toàn trình, no fee; 2.000884 một phần, fee; 1.001022 "mức độ 3").
 *
 * A: A0 received 25/09, due 30/09, result 02/10 → resolved late (carried over).
 *    A1 online 05/10, due 06/10, result 06/10 → on time (digitized in and out, rated "Hài lòng").
 *    A2 desk 07/10, due 08/10, result 10/10 → late (fee, not paid online).
 *    A3 desk 12/10, due 15/10, result 14/10 → on time by dates, but two supplement requests: late.
 *    A4 online 28/10, due 05/11, unfinished → pending in time on 31/10.
 *    A5 desk 20/10, due 23/10, unfinished → pending overdue on 31/10 (fee paid online).
 *    Progress = 20 × (1 + 1) / (4 + 2) = 6,67; the dossiers against it: A0, A2, A3, A5.
 *    Online dossiers of online-capable procedures: 2 of 5 (40 % < 50 %) → 4 × 0,4 / 0,5 = 3,2.
 * B: B1 online 02/10 → on time, B2 desk 03/10 → on time. Progress 20.
 * P (summed parts): progress = 20 × (3 + 1) / (6 + 2) = 10.
 */
export const INDEX_DOSSIERS = [
  DOSSIER_HEADER,
  'A0,01906,1.001022,,,,Trực tiếp,25/09/2026 09:00,30/09/2026 17:00,02/10/2026 10:00,,Đã có kết quả,0,0,,,',
  'A1,01906,1.001193,,,,Trực tuyến,05/10/2026 08:00,06/10/2026 17:00,06/10/2026 10:00,,Đã có kết quả,x,x,,,Hài lòng',
  'A2,01906,2.000884,,,,Trực tiếp,07/10/2026 09:00,08/10/2026 17:00,10/10/2026 09:00,,Đã có kết quả,1,0,Có,Không,',
  'A3,01906,1.001022,,,,Trực tiếp,12/10/2026 09:00,15/10/2026 17:00,14/10/2026 10:00,,Đã có kết quả,0,1,,,',
  'A4,01906,1.001022,,,,Trực tuyến,28/10/2026 09:00,05/11/2026 17:00,,,Đang xử lý,1,0,,,',
  'A5,01906,2.000884,,,,Trực tiếp,20/10/2026 09:00,23/10/2026 17:00,,,Đang xử lý,0,0,Có,Có,',
  'B1,02020,1.001193,,,,Trực tuyến,02/10/2026 08:00,03/10/2026 17:00,03/10/2026 09:00,,Đã có kết quả,x,x,,,',
  'B2,02020,1.001193,,,,Trực tiếp,03/10/2026 08:00,06/10/2026 17:00,06/10/2026 09:00,,Đã có kết quả,x,x,,,',
].join('\n');

export async function seedIndexWorld(store: Store) {
  const world = await seedDossierWorld(store);
  await seedIndexDossiers(store);
  return world;
}

/** The dossiers above, for a store that already has communes 01906 and 02020 and the test catalogue. */
export async function seedIndexDossiers(store: Store): Promise<void> {
  const result = await importDossiers(store, { path: tempFile('ho-so.csv', INDEX_DOSSIERS), source: 'motcua', actor: null });
  if (result.rejected > 0) throw new Error(`index fixture rejected rows: ${JSON.stringify(result.errors)}`);
  const a3 = await store.db.selectFrom('dossiers').select('id').where('code', '=', 'A3').executeTakeFirstOrThrow();
  for (const at of ['2026-10-12T08:00:00Z', '2026-10-13T03:00:00Z']) {
    await sql`INSERT INTO dossier_events (dossier_id, at, kind, actor) VALUES (${a3.id}, ${at}::timestamptz, 'supplement_requested', 'test')`.execute(store.db);
  }
}
