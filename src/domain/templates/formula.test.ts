import { describe, expect, it } from 'vitest';
import { evaluateFormula, formulaNames, parseFormula, roundTo } from './formula';

const values: Record<string, number> = { r_a: 519, r_b: 509, 'resolved.early': 3, 'resolved.on_time': 4, zero: 0 };
const run = (text: string) => evaluateFormula(parseFormula(text), (name) => values[name]);

describe('formulas', () => {
  it('follows precedence and parentheses', () => {
    expect(roundTo(run('r_b / r_a * 100')!, 2)).toBe(98.07);
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('-r_a + 19 - -1')).toBe(-499);
    expect(run('resolved.early + resolved.on_time')).toBe(7);
  });

  it('gives no value for a missing name or a division by zero', () => {
    expect(run('r_b / zero * 100')).toBeNull();
    expect(run('r_b + nothing')).toBeNull();
  });

  it('lists the names it depends on', () => {
    expect([...formulaNames(parseFormula('(r_a - r_b) / r_a'))]).toEqual(['r_a', 'r_b']);
  });

  it('rejects malformed formulas in Vietnamese', () => {
    expect(() => parseFormula('r_a +')).toThrow(/thiếu toán hạng/);
    expect(() => parseFormula('(r_a + 1')).toThrow(/thiếu dấu "\)"/);
    expect(() => parseFormula('r_a $ 2')).toThrow(/không hiểu "\$"/);
    expect(() => parseFormula('r_a r_b')).toThrow(/thừa "r_b"/);
  });
});
