import { describe, expect, it } from 'vitest';
import { loadTemplate } from './load-template';
import { rowAppliesToLevel } from './template';

const yaml = `
id: t
version: "1"
title: T
issuer: X
levels: [district, commune]
periods: [quarter]
rows:
  - id: a
    label: Cả hai cấp
    kind: count
  - id: b
    label: Chỉ cấp huyện
    kind: heading
    levels: [district]
    children:
      - id: b_1
        label: Dòng con của cấp huyện
        kind: count
        help: Hướng dẫn cho cán bộ
        note: Ghi chú cho người soạn
  - id: c
    label: Không bắt buộc
    kind: count
    optional: true
`;

describe('row levels, help and optional', () => {
  const template = loadTemplate(yaml, 't.yaml');

  it('a row applies to the levels it names, and its children inherit them', () => {
    const applies = (id: string, level: 'district' | 'commune') => rowAppliesToLevel(template, template.byId.get(id)!, level);
    expect(applies('a', 'commune')).toBe(true);
    expect(applies('b', 'commune')).toBe(false);
    expect(applies('b_1', 'commune')).toBe(false);
    expect(applies('b_1', 'district')).toBe(true);
  });

  it('keeps the help for officials apart from the note for authors, and reads optional', () => {
    expect(template.byId.get('b_1')).toMatchObject({ help: 'Hướng dẫn cho cán bộ', note: 'Ghi chú cho người soạn' });
    expect(template.byId.get('c')!.optional).toBe(true);
  });

  it('refuses an unknown level with the file and line', () => {
    expect(() => loadTemplate(yaml.replace('levels: [district]', 'levels: [hamlet]'), 't.yaml')).toThrow(/t\.yaml, dòng 15/);
  });
});
