import { api } from './client';
import type { Session } from './types';

export const login = (username: string, password: string) =>
  api.post<Session>('/api/auth/login', { username, password }, { expectUnauthorized: true });

export const fetchSession = () => api.get<Session>('/api/auth/session', { expectUnauthorized: true });

export const logout = () => api.post<{ ok: true }>('/api/auth/logout', undefined, { expectUnauthorized: true });
