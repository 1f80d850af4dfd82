import { describe, expect, it } from 'vitest';
import { mayAccessUnit, mayManageUsers } from './access';

describe('mayAccessUnit', () => {
  const officer = { userId: 1, role: 'officer' as const, unitId: 10 };
  const reviewer = { userId: 2, role: 'reviewer' as const, unitId: 1 };

  it('limits an officer to its own unit, even inside a subtree', () => {
    expect(mayAccessUnit(officer, 10, true, 'write')).toBe(true);
    expect(mayAccessUnit(officer, 11, true, 'read')).toBe(false);
  });

  it('lets a reviewer read its subtree and nothing else', () => {
    expect(mayAccessUnit(reviewer, 10, true, 'read')).toBe(true);
    expect(mayAccessUnit(reviewer, 99, false, 'read')).toBe(false);
  });

  it('lets only admins manage accounts', () => {
    expect(mayManageUsers(officer)).toBe(false);
    expect(mayManageUsers({ ...reviewer, role: 'admin' })).toBe(true);
  });
});
