import { createHash, randomBytes } from 'node:crypto';
import { normaliseUsername, type LoginThrottle } from '../../domain/auth/login-throttle';
import type { Store } from '../../store/store';
import { tooManyRequests, unauthorized } from '../errors';
import { DUMMY_HASH, verifyPassword } from './password';
import type { SessionUser } from './session-user';

/** Idle timeout: a session unused this long ends (each use slides it). */
export const SESSION_TTL_MS = 8 * 60 * 60_000; // one working day
/** Absolute lifetime: however active, a session ends this long after sign-in (a stolen cookie does not live on). */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000;

const newToken = () => randomBytes(32).toString('base64url');
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginInput {
  username: string;
  password: string;
  clientKey: string;
  now?: Date;
}

export interface Session {
  token: string;
  csrfToken: string;
  user: SessionUser;
}

export async function login(store: Store, throttle: LoginThrottle, input: LoginInput): Promise<Session> {
  const now = input.now ?? new Date();
  const keys = throttle.keys(input.username, input.clientKey);
  const failures = await store.loginFailures.since(
    keys.map((k) => k.key),
    new Date(now.getTime() - throttle.windowMs),
  );
  const wait = Math.max(...keys.map((k) => throttle.retryAfter(failures.get(k.key) ?? [], k.max, now.getTime())));
  if (wait > 0) {
    throw tooManyRequests(`Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60_000)} phút.`);
  }
  const user = await store.users.findByUsername(normaliseUsername(input.username));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    await store.loginFailures.record(
      keys.map((k) => k.key),
      now,
    );
    await store.loginFailures.prune(new Date(now.getTime() - throttle.windowMs));
    throw unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  // The account's own failures are forgiven; the address's count stays (it may be guessing others).
  await store.loginFailures.clear(keys.filter((k) => !k.key.startsWith('address:')).map((k) => k.key));
  const unit = await store.units.findById(user.unitId);
  if (!unit) throw unauthorized('Tài khoản chưa được gắn với đơn vị hợp lệ.');
  const token = newToken();
  const csrfToken = newToken();
  await store.sessions.insert({
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    createdAt: now,
  });
  await store.audit.record({ userId: user.id, action: 'auth.login', subject: user.username });
  return {
    token,
    csrfToken,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit },
  };
}

/**
 * Resolves a session cookie; slides the idle expiry so an active user stays signed in, but never
 * past the absolute lifetime counted from sign-in.
 */
export async function authenticate(store: Store, token: string, now = new Date()): Promise<Omit<Session, 'token'> | null> {
  const session = await store.sessions.findValid(sessionIdOf(token), now);
  if (!session) return null;
  const endOfLife = session.createdAt.getTime() + SESSION_MAX_AGE_MS;
  if (now.getTime() >= endOfLife) {
    await store.sessions.delete(session.id);
    return null;
  }
  const user = await store.users.findById(session.userId);
  if (!user || !user.active) return null;
  const unit = await store.units.findById(user.unitId);
  if (!unit) return null;
  if (session.expiresAt.getTime() - now.getTime() < SESSION_TTL_MS / 2 && session.expiresAt.getTime() < endOfLife) {
    await store.sessions.extend(session.id, new Date(Math.min(now.getTime() + SESSION_TTL_MS, endOfLife)));
  }
  return {
    csrfToken: session.csrfToken,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit },
  };
}

export async function logout(store: Store, token: string): Promise<void> {
  await store.sessions.delete(sessionIdOf(token));
}
