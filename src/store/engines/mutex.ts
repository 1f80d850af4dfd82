import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A FIFO async lock with two lanes: waiters in the background lane (long imports) get the lock
 * only when no foreground waiter (a request) is queued, so requests go first between an
 * import's statements.
 */
export class Mutex {
  #locked = false;
  readonly #waiters: Array<() => void> = [];
  readonly #background: Array<() => void> = [];

  async acquire(lane: 'foreground' | 'background' = 'foreground'): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => (lane === 'background' ? this.#background : this.#waiters).push(resolve));
  }

  release(): void {
    const next = this.#waiters.shift() ?? this.#background.shift();
    if (next) next();
    else this.#locked = false;
  }
}

const backgroundLane = new AsyncLocalStorage<true>();

/** Runs work whose database statements yield to requests waiting for the embedded engine's one connection. */
export const inBackgroundLane = <T>(work: () => Promise<T>): Promise<T> => backgroundLane.run(true, work);

export const currentLane = (): 'foreground' | 'background' => (backgroundLane.getStore() ? 'background' : 'foreground');
