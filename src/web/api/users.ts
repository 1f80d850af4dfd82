import { api } from './client';
import type { NewUser, User, UserChanges } from './types';

export const listUsers = async (signal?: AbortSignal): Promise<User[]> =>
  (await api.get<{ users: User[] }>('/api/users', signal ? { signal } : {})).users;

export const createUser = (input: NewUser) => api.post<User>('/api/users', input);

export const updateUser = (userId: number, changes: UserChanges) => api.patch<User>(`/api/users/${userId}`, changes);

/** The signed-in user changes their own password (their other sessions end). */
export const changeOwnPassword = (input: { currentPassword: string; newPassword: string }) => api.put<null>('/api/account/password', input);
