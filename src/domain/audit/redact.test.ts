import { describe, expect, it } from 'vitest';
import { MAX_DETAILS_CHARS, redactForAudit } from './redact';

describe('what of a request the audit trail keeps', () => {
  it('masks passwords and tokens at any depth, keeps the rest', () => {
    expect(redactForAudit({ username: 'xababe', password: 'bi-mat', nested: { newPassword: 'x', csrfToken: 'y', note: 'z' } })).toEqual({
      username: 'xababe',
      password: '***',
      nested: { newPassword: '***', csrfToken: '***', note: 'z' },
    });
  });

  it('cuts long text, long lists and deep nesting, and replaces huge input by its size', () => {
    const cut = redactForAudit({ text: 'a'.repeat(600), list: Array.from({ length: 250 }, (_, i) => i) }) as { text: string; list: unknown[] };
    expect(cut.text).toHaveLength(500 + '… (600 ký tự)'.length);
    expect(cut.list).toHaveLength(201);
    let deep: unknown = 'đáy';
    for (let i = 0; i < 1000; i++) deep = { inner: deep };
    expect(JSON.stringify(redactForAudit(deep))).toContain('"…"');
    const huge = redactForAudit({ rows: Array.from({ length: 200 }, () => 'b'.repeat(400)) });
    expect(huge).toEqual({ omitted: expect.stringMatching(/^nội dung dài \d+ ký tự/) });
    expect(JSON.stringify(huge).length).toBeLessThan(MAX_DETAILS_CHARS);
  });
});
