import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditChannel } from '../schema';

/** The person behind an event when there is no account id to copy names from. */
export interface AuditActor {
  username: string | null;
  name: string;
  role?: string | null;
  unitId?: number | null;
  unitCode?: string | null;
  unitName?: string | null;
}

/** What an adapter knows about the request or command under way, for every audit row it causes. */
export interface AuditScope {
  channel: AuditChannel;
  requestId?: string;
  ip?: string;
  method?: string;
  route?: string;
  /** The account acting in this scope (a CLI command's --as), for rows that name no account. */
  actorUserId?: number;
  /** Who acts when no account does (the operator at the terminal). */
  actor?: AuditActor;
  /** What the adapter would record about the request or command itself. */
  details?: unknown;
  /** Set once a use case recorded its own audit row: the adapter then adds none of its own on success. */
  recorded: boolean;
}

const storage = new AsyncLocalStorage<AuditScope>();

/**
 * Runs work inside an audit scope. An HTTP request or a CLI command opens one; use cases that
 * record their own (richer) audit rows inside it mark it, and the adapter records a generic
 * row only for what no use case recorded.
 */
export function withAuditScope<T>(scope: Omit<AuditScope, 'recorded'>, work: () => T): T {
  return storage.run({ ...scope, recorded: false }, work);
}

/** Opens a scope for the rest of the current asynchronous call chain (a Fastify hook). */
export function enterAuditScope(scope: Omit<AuditScope, 'recorded'>): AuditScope {
  const opened = { ...scope, recorded: false };
  storage.enterWith(opened);
  return opened;
}

export const currentAuditScope = (): AuditScope | undefined => storage.getStore();
