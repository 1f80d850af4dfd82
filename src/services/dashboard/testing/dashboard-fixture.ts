import type { Store } from '../../../store/store';
import { importDossiers } from '../../dossiers/import-dossiers';
import { DOSSIER_HEADER, tempFile } from '../../dossiers/testing/dossier-test-setup';

/**
 * Units and dossiers for the dashboard tests, on top of a province P with communes A (01906) and
 * B (02020) and the test procedure catalogue (seedDossierWorld or the HTTP fixture):
 *
 *   P ─ A  Xã Ba Bể          Q1/2026: received 4 (1 online), resolved 4 (early 1, on time 2, late 1),
 *     │                              digitized 2/4, paid online 1/2 → on time 75 %, online 25 %.
 *     │                      Q4/2025: one dossier received 20/11/2025, resolved early.
 *     ├ B  Xã Chợ Đồn        Q1/2026: received 2, both online, digitized, on time → 100 % everywhere, no fee.
 *     ├ D  Huyện Thử (999)   a district above commune E, which resolves 2: one late, one on time (50 %),
 *     │  └ E  Xã Thử Một        none online (0 %), one digitized (50 %).
 *     ├ F  Xã Không Hồ Sơ    no dossier: its rates are null, it ranks last.
 *     └ X  Xã Lập Sau        in force from 01/04/2026 only: not a child of P at the end of Q1/2026.
 *
 * Quarter Q1/2026 under Decree 09/2019 is 15/12/2025–14/03/2026; the whole of P then received 8,
 * 3 online (37,5 %), resolved 8, 6 on time (75 %), 5 digitized (62,5 %), 1 of 2 paid online (50 %).
 */
export const DASHBOARD_DOSSIERS = [
  DOSSIER_HEADER,
  'A-0,01906,1.001022,,,,Trực tiếp,20/11/2025 09:00,25/11/2025 17:00,24/11/2025 10:00,,Đã có kết quả,0,0,,,',
  'A-1,01906,1.001193,,,,Trực tuyến,05/01/2026 08:00,05/01/2026 17:00,05/01/2026 10:00,,Đã có kết quả,x,x,,,',
  'A-2,01906,2.000884,,,,Trực tiếp,06/01/2026 09:00,06/01/2026 17:00,08/01/2026 09:00,,Đã có kết quả,1,0,Có,Có,',
  'A-3,01906,1.001022,,,,Trực tiếp,07/01/2026 09:00,12/01/2026 17:00,09/01/2026 10:00,,Đã có kết quả,0,1,,,',
  'A-4,01906,2.000884,,,,Trực tiếp,10/02/2026 09:00,10/02/2026 17:00,10/02/2026 15:00,,Đã có kết quả,0,0,Có,Không,',
  'B-1,02020,1.001193,,,,Trực tuyến,12/01/2026 08:00,12/01/2026 17:00,12/01/2026 09:00,,Đã có kết quả,x,x,,,',
  'B-2,02020,1.001193,,,,Trực tuyến,13/01/2026 08:00,13/01/2026 17:00,13/01/2026 09:00,,Đã có kết quả,x,x,,,',
  'E-1,99901,1.001022,,,,Trực tiếp,20/01/2026 09:00,23/01/2026 17:00,26/01/2026 10:00,,Đã có kết quả,0,0,,,',
  'E-2,99901,1.001022,,,,Trực tiếp,21/01/2026 09:00,26/01/2026 17:00,26/01/2026 11:00,,Đã có kết quả,1,0,,,',
].join('\n');

export async function seedDashboardWorld(store: Store, P: number) {
  const unit = (code: string, name: string, level: 'district' | 'commune', parentId: number, validFrom = '2025-07-01') =>
    store.units.insert({ code, name, level, parentId, validFrom, validTo: null });
  const D = await unit('999', 'Huyện Thử', 'district', P);
  const E = await unit('99901', 'Xã Thử Một', 'commune', D);
  const F = await unit('99902', 'Xã Không Hồ Sơ', 'commune', P);
  const X = await unit('99903', 'Xã Lập Sau', 'commune', P, '2026-04-01');
  const result = await importDossiers(store, { path: tempFile('ho-so.csv', DASHBOARD_DOSSIERS), source: 'motcua', actor: null });
  if (result.rejected > 0) throw new Error(`dashboard fixture rejected rows: ${JSON.stringify(result.errors)}`);
  return { D, E, F, X };
}
