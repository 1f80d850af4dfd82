import type { IsoDate } from '../../domain/calendar/plain-date';
import { noFlags, versionEnds } from '../../domain/procedures/unit-procedure';
import type { NewRegisterEntry } from '../../domain/registers/registers';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';

const STAFF: Array<[string, string, boolean]> = [
  ['Bí thư Đảng ủy', 'can_bo', true],
  ['Chủ tịch UBND', 'can_bo', true],
  ['Phó Chủ tịch UBND', 'can_bo', true],
  ['Chủ tịch HĐND', 'can_bo', true],
  ['Chủ tịch UBMTTQ', 'can_bo', true],
  ['Công chức Văn phòng - Thống kê', 'cong_chuc', true],
  ['Công chức Văn phòng - Thống kê', 'cong_chuc', false],
  ['Công chức Tư pháp - Hộ tịch', 'cong_chuc', true],
  ['Công chức Tư pháp - Hộ tịch', 'cong_chuc', true],
  ['Công chức Địa chính - Xây dựng', 'cong_chuc', true],
  ['Công chức Tài chính - Kế toán', 'cong_chuc', true],
  ['Công chức Văn hóa - Xã hội', 'cong_chuc', true],
  ['Nhân viên hợp đồng', 'hop_dong', true],
];
const NAMES = ['Hoàng Văn Một', 'Nông Thị Hà', 'Ma Văn Dũng', 'Triệu Thị Lan', 'Lưu Văn Tùng', 'Đàm Thị Hoa', 'Hà Văn Sơn', 'Bế Thị Mai', 'Lý Văn Nam', 'Dương Thị Thu', 'Hoàng Thị Yến', 'Vi Văn Long', 'Nịnh Thị Huế'];

function monthEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); ; m === 12 ? ((m = 1), (y += 1)) : (m += 1)) {
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (last > to) break;
    ends.push(last);
  }
  return ends;
}

/**
 * A demo commune's procedure list (the catalogue's commune procedures, most posted and published,
 * fewer with an electronic process or online payment) and its registers: staff with one vacancy,
 * equipment, monthly electronic documents and information activities up to `today`. Only when the
 * commune keeps none yet.
 */
export async function seedDemoLists(store: Store, unit: Unit, from: IsoDate, today: IsoDate): Promise<boolean> {
  if ((await store.unitLists.procedures(unit.id)).length > 0 || (await store.unitLists.entries(unit.id)).length > 0) return false;
  const seed = Number(unit.code) % 7;
  await store.transaction(async (repos) => {
    const catalogue = (await repos.procedures.all()).filter((p) => !/tỉnh/i.test(p.level));
    for (const [i, p] of catalogue.entries()) {
      const flags = noFlags();
      flags.posted = true;
      flags.one_stop = true;
      flags.published_national = p.onlineMode !== 'none';
      flags.published_provincial = true;
      flags.internal_process = (i + seed) % 10 !== 0;
      flags.process_digitized = flags.internal_process && (i + seed) % 5 < 3;
      flags.has_fee = p.hasFee;
      flags.online_payment = p.hasFee && (i + seed) % 3 !== 0;
      flags.population_db = p.field === 'Hộ tịch';
      flags.interconnected_levels = p.interconnected;
      flags.location_independent = p.field === 'Chứng thực';
      await repos.unitLists.upsertProcedure(unit.id, {
        code: p.code,
        name: p.name,
        field: p.field,
        level: /huyện/i.test(p.level) ? 'district' : 'commune',
        onlineMode: p.onlineMode,
        validFrom: from,
        validTo: null,
        decision: 'Quyết định công bố danh mục TTHC của UBND tỉnh (demo)',
        flags,
      });
    }
    for (const change of versionEnds(await repos.unitLists.procedures(unit.id))) await repos.unitLists.setProcedureEnd(change.id, change.validTo);
    const add = (register: 'staff' | 'equipment' | 'documents' | 'activities', entry: NewRegisterEntry) => repos.unitLists.insertEntry(unit.id, register, entry);
    for (const [i, [position, category, filled]] of STAFF.entries()) {
      await add('staff', {
        startDay: from,
        endDay: null,
        data: { position, name: filled ? NAMES[(i + seed) % NAMES.length]! : '', category, qualification: filled ? 'Đại học' : '', standard_met: filled && category !== 'hop_dong', trainings: filled ? 1 + ((i + seed) % 2) : 0 },
      });
    }
    await add('equipment', { startDay: from, endDay: null, data: { item: 'computer', name: 'Máy tính để bàn, nối mạng', quantity: 14 + seed, in_use: true } });
    await add('equipment', { startDay: from, endDay: null, data: { item: 'email', name: 'Hộp thư công vụ của cán bộ, công chức', quantity: 12, in_use: true } });
    await add('equipment', { startDay: from, endDay: null, data: { item: 'digital_signature', name: 'Chữ ký số cá nhân chuyên dùng Chính phủ', quantity: 8, in_use: true } });
    await add('equipment', { startDay: from, endDay: null, data: { item: 'software', name: 'Hệ thống quản lý văn bản và điều hành', quantity: 1, in_use: true } });
    for (const [i, day] of monthEnds(from, today).entries()) {
      const total = 40 + ((i * 7 + seed) % 20);
      const fully = total - ((i + seed) % 4);
      await add('documents', { startDay: day, endDay: null, data: { direction: 'sent', total, fully_electronic: fully, parallel_paper: total - fully, signed: fully } });
      await add('documents', { startDay: day, endDay: null, data: { direction: 'received', total: total + 25, fully_electronic: total + 20, parallel_paper: 5, signed: total + 20 } });
      await add('activities', { startDay: day, endDay: null, data: { form: 'broadcast', title: 'Tuyên truyền dịch vụ công trực tuyến trên loa truyền thanh xã', count: 8, reach: 0 } });
      if (i % 3 === 2) await add('activities', { startDay: day, endDay: null, data: { form: 'meeting', title: 'Lồng ghép tuyên truyền CCHC trong họp thôn', count: 5, reach: 180 + seed * 10 } });
    }
  });
  return true;
}
