/**
 * The one way the SPA talks to the server: same-origin JSON, the CSRF header on every
 * state-changing call, and error bodies `{ error: { code, message } }` turned into thrown
 * ApiErrors that carry the server's Vietnamese message.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 here is an expected answer (login form, session probe), not an expired session. */
  expectUnauthorized?: boolean;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const NETWORK_MESSAGE = 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.';

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any call answers 401: the session has ended, the app goes back to the login page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The CSRF token of the session, for calls made outside `request` (an upload with progress). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** A failed answer's body (`{ error: { code, message } }`, or anything else) as an ApiError. */
export function errorFromBody(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (body.error && typeof body.error.message === 'string') {
      return new ApiError(status, String(body.error.code ?? 'error'), body.error.message);
    }
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to a generic message.
  }
  return new ApiError(status, 'http_error', `Máy chủ trả lời lỗi (mã ${status}). Vui lòng thử lại.`);
}

/** A 401 outside an expected one: the session has ended. */
export function reportUnauthorized(): void {
  unauthorizedHandler?.();
}

export const networkError = (): ApiError => new ApiError(0, 'network', NETWORK_MESSAGE);

async function errorFrom(response: Response): Promise<ApiError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // An unreadable body gets the generic message.
  }
  return errorFromBody(response.status, text);
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && !options.expectUnauthorized) reportUnauthorized();
    throw error;
  }
  if (response.status === 204) return null as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

export const isAbortError = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
