import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from './normalize-for-search';

describe('normalizeForSearch', () => {
  it('folds diacritics, đ and case', () => {
    expect(normalizeForSearch('Xã Thịnh Đức')).toBe('xa thinh duc');
    expect(normalizeForSearch('  Phường   Hoằng Lưu ')).toBe('phuong hoang luu');
  });

  it('treats precomposed and decomposed input alike', () => {
    const decomposed = 'Thi\u0323nh'; // ị written as i + combining dot below
    expect(normalizeForSearch(decomposed)).toBe(normalizeForSearch('Thịnh'));
  });
});
