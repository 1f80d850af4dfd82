import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAuditLog, type AuditLogPage, type AuditLogQuery } from '../services/audit/read-audit-log';
import { AppError } from '../services/errors';
import { withAuditScope } from '../store/audit/audit-scope';
import { dumpEmbedded } from '../store/backup/embedded-backup';
import type { DataDirHolder } from '../store/engines/data-dir-lock';
import type { Store } from '../store/store';
import { actingUser } from './acting-user';
import { operatorActor } from './cli-audit';
import { CliError } from './cli-error';
import { unitByCode } from './unit-lookup';

/**
 * While `cchc serve` holds an embedded data folder, no other process may open it; the few
 * commands that make sense then (a backup, reading the audit log) ask the server instead, over
 * a channel on the loopback interface. Its port and a random token are written in the folder's
 * lock file, readable only by whoever may read the folder itself — the same trust as opening it.
 */
export interface ControlChannel {
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new CliError('yêu cầu quá lớn.');
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

const sendJson = (response: ServerResponse, status: number, value: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(value));
};

export async function startControlChannel(store: Store): Promise<ControlChannel> {
  const token = randomBytes(32).toString('hex');
  const expected = Buffer.from(`Bearer ${token}`);
  const server = createServer((request, response) => {
    const given = Buffer.from(String(request.headers.authorization ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return sendJson(response, 401, { error: 'sai mã điều khiển.', exitCode: 1 });
    const operator = { username: null, name: `${safeDecode(String(request.headers['x-cchc-operator'] ?? 'Dòng lệnh')).slice(0, 200)}, qua máy chủ` };
    withAuditScope({ channel: 'cli', route: `cchc ${request.url?.slice(1)} (qua máy chủ)`, actor: operator }, async () => {
      try {
        if (request.method === 'GET' && request.url === '/backup') {
          const archive = await dumpEmbedded(store.database);
          await store.audit.record({ userId: null, action: 'store.backup', details: { bytes: archive.length, viaServer: true } });
          response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': archive.length });
          return response.end(archive);
        }
        if (request.method === 'POST' && request.url === '/audit-log') {
          const body = (await bodyOf(request)) as { as?: string; unitCode?: string; query?: AuditLogQuery };
          const unitId = body.unitCode ? (await unitByCode(store, body.unitCode)).id : undefined;
          const reader = body.as === undefined ? null : await actingUser(store, body.as);
          return sendJson(response, 200, await readAuditLog(store, reader, { ...body.query, ...(unitId !== undefined ? { unitId } : {}) }));
        }
        return sendJson(response, 404, { error: `không có lệnh ${request.url}.`, exitCode: 2 });
      } catch (error) {
        if (error instanceof CliError) return sendJson(response, 400, { error: error.message, exitCode: error.exitCode });
        if (error instanceof AppError) return sendJson(response, error.status, { error: error.message, exitCode: error.status === 400 ? 2 : 1 });
        return sendJson(response, 500, { error: (error as Error).message, exitCode: 1 });
      }
    }).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Talks to the server that holds the folder, or says why it cannot. */
export class ServerClient {
  constructor(private readonly holder: DataDirHolder) {}

  static of(holder: DataDirHolder): ServerClient | undefined {
    return holder.control ? new ServerClient(holder) : undefined;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    const { port, token } = this.holder.control!;
    let response: Response;
    try {
      response = await fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'x-cchc-operator': encodeURIComponent(operatorActor().name), ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new CliError(`không liên lạc được với máy chủ CCHC (tiến trình ${this.holder.pid}) đang giữ thư mục dữ liệu: ${(error as Error).message}`, 1);
    }
    if (!response.ok) {
      const failure = (await response.json().catch(() => ({}))) as { error?: string; exitCode?: number };
      throw new CliError(failure.error ?? `máy chủ trả lời ${response.status}.`, failure.exitCode ?? 1);
    }
    return response;
  }

  async backup(): Promise<Uint8Array> {
    return new Uint8Array(await (await this.call('GET', '/backup')).arrayBuffer());
  }

  async auditLog(as: string | undefined, unitCode: string | undefined, query: AuditLogQuery): Promise<AuditLogPage> {
    return (await (await this.call('POST', '/audit-log', { ...(as !== undefined ? { as } : {}), ...(unitCode ? { unitCode } : {}), query })).json()) as AuditLogPage;
  }
}
