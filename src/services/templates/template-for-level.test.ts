import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appendixRows } from '../../domain/narrative/appendix';
import { loadTemplate } from '../../domain/templates/load-template';
import { rowAppliesToLevel, templateForLevel } from '../../domain/templates/template';

const shipped = (id: string) => {
  const path = fileURLToPath(new URL(`../../../templates/${id}.yaml`, import.meta.url));
  return loadTemplate(readFileSync(path, 'utf8'), `templates/${id}.yaml`);
};

describe('templateForLevel', () => {
  const threeLevel = shipped('thai-nguyen-xa-quy');
  const forCommune = templateForLevel(threeLevel, 'commune');

  it('leaves out, for a commune, every row about the district with its sub-rows', () => {
    const district = threeLevel.rows.filter((r) => !rowAppliesToLevel(threeLevel, r, 'commune'));
    expect(district.length).toBeGreaterThan(10);
    expect(forCommune.rows).toHaveLength(threeLevel.rows.length - district.length);
    for (const row of district) expect(forCommune.byId.has(row.id)).toBe(false);
    for (const row of forCommune.rows) for (const child of row.childIds) expect(forCommune.byId.has(child)).toBe(true);
    // The appendix printed from it (DOCX and XLSX) has no row about UBND cấp huyện.
    const labels = appendixRows(forCommune, [{ header: 'Số liệu', values: new Map() }]).map((r) => r.label);
    expect(labels.some((l) => /do UBND cấp huyện tiếp nhận/.test(l))).toBe(false);
    expect(labels.some((l) => /do UBND cấp xã tiếp nhận/.test(l))).toBe(true);
  });

  it('keeps a form without rows of other levels as it is', () => {
    const form = shipped('mac-dinh-xa');
    expect(templateForLevel(form, 'commune')).toBe(form);
  });
});

describe('the Thái Nguyên commune form of the two-level government (thai-nguyen-xa-2cap)', () => {
  const form = shipped('thai-nguyen-xa-2cap');
  const text = form.rows.map((r) => `${r.label} ${r.unit ?? ''}`).join('\n') + form.rules.map((r) => r.message).join('\n');

  it('has no district rows and no "mức độ 3/4": online services are "toàn trình" and "một phần"', () => {
    expect(form.levels).toEqual(['commune']);
    expect(form.rows.filter((r) => r.levels?.includes('district'))).toEqual([]);
    expect(text).not.toMatch(/cấp huyện|mức độ [34]/);
    expect(form.byId.get('r_3_2_1')?.label).toBe('Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến một phần');
    expect(form.byId.get('r_3_2_2')?.label).toBe('Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến toàn trình');
    expect(form.byId.get('r_3_2_4')?.label).toBe('Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến (toàn trình và một phần)');
    expect(form.byId.get('r_3_2_4_b')?.childIds).toEqual(['r_3_2_4_b_1', 'r_3_2_4_b_2']);
    expect(form.byId.get('r_3_2_4_b_1')?.source).toMatchObject({ metric: 'received.online_full' });
    expect(form.byId.get('r_3_2_4_b_2')?.source).toMatchObject({ metric: 'received.online_partial' });
  });

  it('keeps the codes and concepts of the earlier form for the rows they share, so figures compare across the reorganisation', () => {
    const earlier = shipped('thai-nguyen-xa-quy');
    for (const row of form.rows) {
      const before = earlier.byId.get(row.id);
      if (!before) continue;
      expect([row.id, row.code, row.concept]).toEqual([before.id, before.code, before.concept]);
    }
  });
});
