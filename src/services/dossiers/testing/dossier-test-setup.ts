import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../../store/store';

export const TEST_PROCEDURES = [
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ,Thời hạn giải quyết,Có phí,Liên thông',
  '1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Cấp xã,Toàn trình,0.5,Không,Không',
  '2.000884,Chứng thực bản sao từ bản chính,Chứng thực,Cấp xã,Một phần,0.5,Có,Không',
  '1.001022,Đăng ký kết hôn,Hộ tịch,Cấp xã,Mức độ 3,3,Không,Không',
  '1.004946,Xác nhận hộ gia đình làm nông nghiệp,Nông nghiệp,Cấp xã,Cung cấp thông tin,5,Không,Không',
].join('\n');

export function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-dossiers-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Two communes of province 19 (today's tree) and a procedure catalogue. */
export async function seedDossierWorld(store: Store) {
  const P = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
  const A = await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: P, validFrom: '2025-07-01', validTo: null });
  const B = await store.units.insert({ code: '02020', name: 'Xã Chợ Đồn', level: 'commune', parentId: P, validFrom: '2025-07-01', validTo: null });
  const { importProcedures } = await import('../import-procedures');
  await importProcedures(store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
  return { P, A, B };
}

export const DOSSIER_HEADER =
  'Mã hồ sơ,Mã đơn vị,Mã thủ tục,Tên thủ tục,Lĩnh vực,Mức độ,Kênh tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ngày trả kết quả,Trạng thái,Số hóa đầu vào,Số hóa kết quả,Có phí,Thanh toán trực tuyến,Đánh giá';
