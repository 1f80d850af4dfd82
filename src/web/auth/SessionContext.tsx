import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchSession, login, logout } from '../api/auth';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { Session, SessionUser } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  /** `signedOut`: the user pressed "Đăng xuất" (as opposed to a session that expired under them). */
  | { status: 'anonymous'; signedOut?: boolean }
  | { status: 'signed-in'; user: SessionUser };

interface SessionContextValue {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Holds who is signed in; the CSRF token goes to the API client, never into React state. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const accept = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', user: session.user });
  }, []);

  const forget = useCallback((signedOut = false) => {
    setCsrfToken(null);
    setState({ status: 'anonymous', signedOut });
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => forget());
    let cancelled = false;
    fetchSession().then(
      (session) => !cancelled && accept(session),
      (error: unknown) => {
        if (cancelled) return;
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        forget();
      },
    );
    return () => {
      cancelled = true;
      setUnauthorizedHandler(null);
    };
  }, [accept, forget]);

  const signIn = useCallback(async (username: string, password: string) => accept(await login(username, password)), [accept]);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      forget(true);
    }
  }, [forget]);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useCurrentUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser needs a signed-in session');
  return state.user;
}
