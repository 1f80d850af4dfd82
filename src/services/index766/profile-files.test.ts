import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileJsonSchema } from '../../domain/index766/profile';
import { loadProfiles, PROFILES_DIR, resolveProfile } from './profile-files';

describe('shipped index profiles', () => {
  const all = loadProfiles(undefined);

  it('loads both method versions: five groups (2022) and six groups (the portal today), 100 points each', () => {
    expect([...all.keys()].sort()).toEqual(['qd766-2022', 'qd766-6-nhom']);
    expect(all.get('qd766-2022')!.groups.map((g) => g.points)).toEqual([18, 20, 22, 22, 18]);
    expect(all.get('qd766-6-nhom')!.groups.map((g) => [g.name, g.points])).toEqual([
      ['Công khai, minh bạch', 18],
      ['Tiến độ, kết quả giải quyết', 20],
      ['Dịch vụ công trực tuyến', 12],
      ['Thanh toán trực tuyến', 10],
      ['Số hóa hồ sơ', 22],
      ['Mức độ hài lòng', 18],
    ]);
  });

  it('picks the profile in force on a day unless one is named', () => {
    expect(resolveProfile(undefined, '2023-05-01').id).toBe('qd766-2022');
    expect(resolveProfile(undefined, '2026-10-31').id).toBe('qd766-6-nhom');
    expect(resolveProfile('qd766-2022', '2026-10-31').id).toBe('qd766-2022');
    expect(() => resolveProfile('khong-co', '2026-10-31')).toThrow(/Không có bộ tiêu chí "khong-co"/);
  });

  it("adds a province's own profile from its folder, and names the file and line of a broken one", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-profiles-'));
    const own = readFileSync(join(PROFILES_DIR, 'qd766-6-nhom.yaml'), 'utf8').replace('id: qd766-6-nhom', 'id: tinh-19');
    writeFileSync(join(dir, 'tinh-19.yaml'), own);
    expect(loadProfiles(dir).has('tinh-19')).toBe(true);
    writeFileSync(join(dir, 'hong.yaml'), own.replace('id: tinh-19', 'id: hong').replace('    points: 20\n', '    points: 21\n'));
    expect(() => loadProfiles(dir)).toThrow(/hong\.yaml, dòng \d+ \(groups\.1\.points\): nhóm "tien_do_giai_quyet" có 21 điểm/);
  });
});

describe('docs/index-profile.schema.json', () => {
  it('is the JSON Schema of the profile format, in sync with the code (regenerate: cchc index766 schema > docs/index-profile.schema.json)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../docs/index-profile.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(profileJsonSchema())));
  });
});
