import { describe, expect, it } from 'vitest';
import { noFlags, parseUnitProcedureRow, procedureValue, versionEnds, type ProcedureFlag, type UnitProcedure } from './unit-procedure';

let nextId = 1;
const proc = (code: string, validFrom: string, extra: Partial<Omit<UnitProcedure, 'flags'>> & { flags?: ProcedureFlag[] } = {}): UnitProcedure => {
  const flags = noFlags();
  for (const f of extra.flags ?? []) flags[f] = true;
  return { id: nextId++, unitId: 1, code, name: `Thủ tục ${code}`, field: 'Hộ tịch', level: null, onlineMode: 'none', validFrom, validTo: null, decision: '', ...extra, flags };
};
const Q1 = { from: '2025-12-15', to: '2026-03-14' };
const Q2 = { from: '2026-03-15', to: '2026-06-14' };

describe("the unit's procedure list", () => {
  it('reads a row of the list with its flags, validity and level, and names every bad cell', () => {
    const good = parseUnitProcedureRow(
      { code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp xã', mode: 'Toàn trình', validFrom: '01/07/2025', posted: 'x', has_fee: 'Có', online_payment: 'có' },
      'dm.csv',
      2,
    );
    expect(good.issues).toEqual([]);
    expect(good.procedure).toMatchObject({ code: '1.001193', level: 'commune', onlineMode: 'full', validFrom: '2025-07-01', validTo: null });
    expect(good.procedure!.flags).toMatchObject({ posted: true, has_fee: true, online_payment: true, one_stop: false });
    const bad = parseUnitProcedureRow({ code: '1 001', name: '', field: 'Hộ tịch', level: 'thôn', mode: 'mức 9', validFrom: '', validTo: '2026-01-01', posted: 'hmm' }, 'dm.csv', 9);
    expect(bad.issues.map((i) => i.column)).toEqual(['Tên thủ tục', 'Mã thủ tục', 'Cấp thực hiện', 'Mức độ', 'Hiệu lực từ', 'Niêm yết tại Bộ phận một cửa']);
    expect(bad.issues.every((i) => i.file === 'dm.csv' && i.row === 9)).toBe(true);
  });

  it('counts the procedures in force on the last day of the window, with the version then in force', () => {
    const list = [
      proc('A', '2025-07-01', { onlineMode: 'partial', validTo: '2026-03-31', flags: ['posted', 'has_fee'] }),
      proc('A', '2026-04-01', { onlineMode: 'full', flags: ['posted', 'has_fee', 'online_payment', 'published_national'] }),
      proc('B', '2025-07-01', { flags: ['posted', 'internal_process'] }),
      proc('C', '2026-01-10', { onlineMode: 'full', validTo: '2026-05-31', level: 'district', flags: ['internal_process', 'process_digitized'] }),
    ];
    expect(procedureValue({ procedures: 'in_force' }, list, Q1)).toBe(3);
    expect(procedureValue({ procedures: 'in_force', mode: 'full' }, list, Q1)).toBe(1);
    expect(procedureValue({ procedures: 'in_force', mode: 'full' }, list, Q2)).toBe(1);
    expect(procedureValue({ procedures: 'in_force', mode: 'online' }, list, Q1)).toBe(2);
    expect(procedureValue({ procedures: 'online_payment' }, list, Q1)).toBe(0);
    expect(procedureValue({ procedures: 'online_payment' }, list, Q2)).toBe(1);
    expect(procedureValue({ procedures: 'new' }, list, Q1)).toBe(1); // C; A's second version is not a new procedure
    expect(procedureValue({ procedures: 'abolished' }, list, Q2)).toBe(1); // C
    expect(procedureValue({ procedures: 'in_force', level: 'commune' }, list, Q1, new Map(), 'commune')).toBe(2);
    expect(procedureValue({ procedures: 'in_force', level: 'district' }, list, Q1, new Map(), 'commune')).toBe(1);
    expect(procedureValue({ procedures: 'internal_process', per: 'in_force' }, list, Q1)).toBe(66.67);
    expect(procedureValue({ procedures: 'process_digitized', per: 'internal_process' }, list, Q1)).toBe(50);
  });

  it('counts procedures with dossiers, and with online dossiers, in the window', () => {
    const list = [proc('A', '2025-01-01', { onlineMode: 'full' }), proc('B', '2025-01-01', { onlineMode: 'partial' }), proc('C', '2025-01-01')];
    const dossiers = new Map([
      ['A', { received: 5, online: 5 }],
      ['B', { received: 3, online: 0 }],
    ]);
    expect(procedureValue({ procedures: 'with_dossiers' }, list, Q1, dossiers)).toBe(2);
    expect(procedureValue({ procedures: 'with_online_dossiers', mode: 'full' }, list, Q1, dossiers)).toBe(1);
    expect(procedureValue({ procedures: 'with_online_dossiers', mode: 'partial' }, list, Q1, dossiers)).toBe(0);
  });

  it('has no figure without a list, and no rate over nothing', () => {
    expect(procedureValue({ procedures: 'in_force' }, [], Q1)).toBeNull();
    expect(procedureValue({ procedures: 'process_digitized', per: 'internal_process' }, [proc('A', '2025-01-01')], Q1)).toBeNull();
  });

  it('ends the earlier version of a procedure the day before a later one starts', () => {
    const list = [proc('A', '2025-07-01'), proc('A', '2026-04-01'), proc('B', '2025-07-01', { validTo: '2026-12-31' }), proc('B', '2026-02-01')];
    expect(versionEnds(list)).toEqual([
      { id: list[0]!.id, validTo: '2026-03-31' },
      { id: list[2]!.id, validTo: '2026-01-31' },
    ]);
  });
});
