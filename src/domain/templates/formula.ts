/**
 * Arithmetic over named values, as templates write it: `r_3_4_2_b / r_3_4_2_a * 100`,
 * `resolved.early + resolved.on_time`. Numbers, names (letters, digits, _ and .), + - * /,
 * unary minus and parentheses. Parsed once into a tree; evaluation never uses `eval`.
 */
export type Formula =
  | { type: 'number'; value: number }
  | { type: 'name'; name: string }
  | { type: 'neg'; operand: Formula }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula };

export class FormulaError extends Error {}

export function parseFormula(text: string): Formula {
  const tokens = text.match(/\s*(\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_.]*|[-+*/()]|\S)/g)?.map((t) => t.trim()) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const take = () => tokens[position++];
  const fail = (message: string): never => {
    throw new FormulaError(`Công thức "${text}": ${message}`);
  };

  function primary(): Formula {
    const token = take();
    if (token === undefined) return fail('thiếu toán hạng ở cuối.');
    if (token === '(') {
      const inner = sum();
      if (take() !== ')') fail('thiếu dấu ")".');
      return inner;
    }
    if (token === '-') return { type: 'neg', operand: primary() };
    if (/^\d/.test(token)) return { type: 'number', value: Number(token) };
    if (/^[A-Za-z_]/.test(token)) return { type: 'name', name: token };
    return fail(`không hiểu "${token}".`);
  }
  function product(): Formula {
    let left = primary();
    while (peek() === '*' || peek() === '/') left = { type: 'binary', op: take() as '*' | '/', left, right: primary() };
    return left;
  }
  function sum(): Formula {
    let left = product();
    while (peek() === '+' || peek() === '-') left = { type: 'binary', op: take() as '+' | '-', left, right: product() };
    return left;
  }
  if (tokens.length === 0) fail('công thức rỗng.');
  const unknown = tokens.find((t) => !/^(\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_.]*|[-+*/()])$/.test(t));
  if (unknown !== undefined) fail(`không hiểu "${unknown}".`);
  const tree = sum();
  if (position < tokens.length) fail(`thừa "${tokens[position]}".`);
  return tree;
}

export function formulaNames(formula: Formula, into: Set<string> = new Set()): Set<string> {
  if (formula.type === 'name') into.add(formula.name);
  if (formula.type === 'neg') formulaNames(formula.operand, into);
  if (formula.type === 'binary') {
    formulaNames(formula.left, into);
    formulaNames(formula.right, into);
  }
  return into;
}

/**
 * Evaluates a formula. A missing name makes the result missing (null); so does a division by
 * zero — a rate over nothing has no value, it is not 0 and never Infinity.
 */
export function evaluateFormula(formula: Formula, lookup: (name: string) => number | null | undefined): number | null {
  switch (formula.type) {
    case 'number':
      return formula.value;
    case 'name': {
      const value = lookup(formula.name);
      return value === undefined || value === null || Number.isNaN(value) ? null : value;
    }
    case 'neg': {
      const value = evaluateFormula(formula.operand, lookup);
      return value === null ? null : -value;
    }
    case 'binary': {
      const left = evaluateFormula(formula.left, lookup);
      const right = evaluateFormula(formula.right, lookup);
      if (left === null || right === null) return null;
      switch (formula.op) {
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '/':
          return right === 0 ? null : left / right;
      }
    }
  }
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = (value + Number.EPSILON) * factor;
  // Beyond 2^53 there are no decimals left to round (and scaling 1e308 would overflow to Infinity).
  return Number.isFinite(scaled) && Math.abs(scaled) < Number.MAX_SAFE_INTEGER ? Math.round(scaled) / factor : value;
}
