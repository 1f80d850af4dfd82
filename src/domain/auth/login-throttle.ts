/**
 * The name an account is looked up by: what the user typed, Unicode-normalised (NFC), trimmed,
 * inner whitespace collapsed and case-folded. Sign-in and the throttle both use it, so " Admin\t"
 * and "admin" are one name to both — adding spaces or a tab no longer buys more guesses.
 */
export function normaliseUsername(typed: string): string {
  return typed.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface ThrottleKey {
  key: string;
  /** Failures allowed for this key within the window. */
  max: number;
}

/**
 * Slows down password guessing. Failures are counted (in the store, so a restart does not reset
 * them) per key within `windowMs`:
 * - one name from one address: `maxFailures` (5) — the ordinary lock-out;
 * - one name from any address: `perUser` (20) — guessing one account from many machines;
 * - one address for any name: `perAddress` (30) — trying one password on many accounts.
 * Once a key has its allowed failures in the window, further attempts wait until the oldest ages out.
 */
export class LoginThrottle {
  constructor(
    readonly maxFailures = 5,
    readonly windowMs = 15 * 60_000,
    readonly perUser = 20,
    readonly perAddress = 30,
  ) {}

  keys(typedUsername: string, address: string): ThrottleKey[] {
    const name = normaliseUsername(typedUsername);
    return [
      { key: `pair:${name}|${address}`, max: this.maxFailures },
      { key: `user:${name}`, max: this.perUser },
      { key: `address:${address}`, max: this.perAddress },
    ];
  }

  /** Milliseconds until a key with these failure times (oldest first) may try again; 0 when it may try now. */
  retryAfter(failures: readonly number[], max: number, now: number): number {
    const recent = failures.filter((at) => at > now - this.windowMs);
    if (recent.length < max) return 0;
    return Math.max(0, recent[recent.length - max]! + this.windowMs - now);
  }
}
