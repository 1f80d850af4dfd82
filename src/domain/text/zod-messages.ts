import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi chữ',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  boolean: 'giá trị đúng/sai',
  object: 'đối tượng',
  record: 'đối tượng',
  map: 'đối tượng',
  array: 'mảng',
  tuple: 'mảng',
  set: 'mảng',
  date: 'ngày',
  null: 'null',
  undefined: 'không có gì',
  nan: 'NaN',
  file: 'tệp',
};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

const name = (type: string) => TYPE_NAMES[type] ?? type;

/**
 * zod's Vietnamese locale still names types in English ("mong đợi string, nhận được number");
 * these are the messages a person reads instead. Anything not covered falls back to the locale.
 */
function vietnameseIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'thiếu trường này.';
      return `cần ${name(issue.expected)}, nhận được ${name(typeOf(issue.input))}.`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `dài quá ${max} ký tự.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `có quá ${max} phần tử.`;
      return `phải không lớn hơn ${max}.`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'không được để trống.' : `phải dài ít nhất ${min} ký tự.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `phải có ít nhất ${min} phần tử.`;
      return `phải không nhỏ hơn ${min}.`;
    }
    case 'unrecognized_keys':
      return `có trường không được dùng: ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
    default:
      return undefined;
  }
}

/** Vietnamese validation messages for every schema in this process (CLI and HTTP). */
export function configureVietnameseValidationMessages(): void {
  z.config(z.locales.vi());
  z.config({ customError: vietnameseIssue });
}
