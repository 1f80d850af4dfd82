import type { FastifyInstance } from 'fastify';
import { invalidInput } from '../services/errors';

/** Deepest JSON accepted (a report document with nested sections and lists stays far below). */
export const MAX_JSON_DEPTH = 64;

export const NUL_MESSAGE = 'Dữ liệu gửi lên chứa ký tự rỗng (NUL, \\0), không hợp lệ trong văn bản. Hãy xoá ký tự đó rồi gửi lại.';
export const DEPTH_MESSAGE = `Dữ liệu gửi lên lồng nhau quá sâu (quá ${MAX_JSON_DEPTH} cấp). Hãy giảm số cấp mục lồng nhau.`;

/** The first problem of a parsed input: a NUL character in a text or key, or nesting deeper than allowed. */
export function inputProblem(value: unknown): 'nul' | 'depth' | null {
  // Iterative, so a hostile depth cannot exhaust the stack here.
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return 'nul';
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return 'depth';
    if (Array.isArray(item)) {
      for (const child of item) stack.push([child, depth + 1]);
    } else {
      for (const [key, child] of Object.entries(item)) {
        if (key.includes('\u0000')) return 'nul';
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * Checks every API input before its schema does: no NUL character anywhere (the database refuses
 * it in text, and no official types one), no nesting deeper than MAX_JSON_DEPTH (a thousand levels
 * of sections would exhaust the stack of whatever walks them later).
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    for (const part of [request.params, request.query, request.body]) {
      const problem = inputProblem(part);
      if (problem === 'nul') throw invalidInput(NUL_MESSAGE);
      if (problem === 'depth') throw invalidInput(DEPTH_MESSAGE);
    }
  });
}
