import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('blocks after the allowed failures and frees the key when the window passes', () => {
    const throttle = new LoginThrottle(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter('a', 1000 + i)).toBe(0);
      throttle.recordFailure('a', 1000 + i);
    }
    expect(throttle.retryAfter('a', 2000)).toBe(1000 + 60_000 - 2000);
    expect(throttle.retryAfter('b', 2000)).toBe(0);
    expect(throttle.retryAfter('a', 1000 + 60_001)).toBe(0);
  });

  it('forgets failures after a successful login', () => {
    const throttle = new LoginThrottle(2, 60_000);
    throttle.recordFailure('a', 0);
    throttle.recordFailure('a', 1);
    throttle.reset('a');
    expect(throttle.retryAfter('a', 2)).toBe(0);
  });
});
