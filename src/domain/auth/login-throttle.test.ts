import { describe, expect, it } from 'vitest';
import { LoginThrottle, normaliseUsername } from './login-throttle';

describe('LoginThrottle', () => {
  it('blocks after the allowed failures and frees the key when the window passes', () => {
    const throttle = new LoginThrottle(3, 60_000);
    expect(throttle.retryAfter([1000, 1001], 3, 2000)).toBe(0);
    expect(throttle.retryAfter([1000, 1001, 1002], 3, 2000)).toBe(1000 + 60_000 - 2000);
    expect(throttle.retryAfter([1000, 1001, 1002], 3, 1000 + 60_001)).toBe(0);
  });

  it('keys a name from an address, the name anywhere, and the address for any name', () => {
    const throttle = new LoginThrottle();
    expect(throttle.keys('  Xa.Ba.Be\t', '10.0.0.1')).toEqual([
      { key: 'pair:xa.ba.be|10.0.0.1', max: 5 },
      { key: 'user:xa.ba.be', max: 20 },
      { key: 'address:10.0.0.1', max: 30 },
    ]);
  });

  it('normalises a typed name as sign-in does: trim, collapse whitespace, fold case, NFC', () => {
    for (const typed of ['admin', ' admin', 'admin ', '\tADMIN\n', 'Admin\u00a0']) expect(normaliseUsername(typed)).toBe('admin');
    expect(normaliseUsername('a  \t b')).toBe('a b');
    expect(normaliseUsername('Nguye\u0302\u0303n')).toBe(normaliseUsername('Nguyễn'));
  });
});
