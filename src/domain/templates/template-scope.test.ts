import { describe, expect, it } from 'vitest';
import { templateConcerns } from './template-scope';

const thaiNguyen = { provinces: ['19'], levels: ['commune' as const] };
const everywhere = { levels: ['commune' as const] };
const provinceForm = { provinces: ['19'], levels: ['province' as const] };

describe('which templates concern a unit', () => {
  it('keeps a province’s own forms and the forms for every province, drops other provinces’ forms', () => {
    expect(templateConcerns(thaiNguyen, { provinceCode: '19', level: 'commune' })).toBe(true);
    expect(templateConcerns(everywhere, { provinceCode: '19', level: 'commune' })).toBe(true);
    expect(templateConcerns(thaiNguyen, { provinceCode: '38', level: 'commune' })).toBe(false);
    expect(templateConcerns(thaiNguyen, { provinceCode: null, level: 'commune' })).toBe(false);
  });

  it('keeps forms of the unit’s level and of the levels below it', () => {
    expect(templateConcerns(thaiNguyen, { provinceCode: '19', level: 'province' })).toBe(true);
    expect(templateConcerns(thaiNguyen, { provinceCode: '19', level: 'district' })).toBe(true);
    expect(templateConcerns(provinceForm, { provinceCode: '19', level: 'commune' })).toBe(false);
    expect(templateConcerns(provinceForm, { provinceCode: '19', level: 'province' })).toBe(true);
  });
});
