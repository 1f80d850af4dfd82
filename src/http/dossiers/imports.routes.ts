import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayManageUsers } from '../../domain/auth/access';
import { DOSSIER_HEADERS, type DossierField } from '../../domain/dossiers/dossier-row';
import { rejectedRowsWorkbook } from '../../export/rejected-rows-xlsx';
import { principalOf } from '../../services/access/assert-unit-access';
import type { ImportJobs } from '../../services/dossiers/import-jobs';
import { forbidden, invalidInput, notFound } from '../../services/errors';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { errorResponses } from '../schemas';

const RowIssueSchema = z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() });
const JobSchema = z
  .object({
    id: z.string(),
    file: z.string(),
    state: z.enum(['running', 'done', 'failed']),
    rowsRead: z.number(),
    error: z.string().nullable(),
    result: z
      .object({
        runId: z.number(),
        inserted: z.number(),
        updated: z.number(),
        unchanged: z.number(),
        rejected: z.number(),
        errors: z.array(RowIssueSchema),
      })
      .nullable(),
  })
  .meta({ id: 'ImportJob' });

const SOURCE_NAME = z.string().regex(/^[\p{L}\p{N} ._-]{1,60}$/u, 'Tên nguồn chỉ gồm chữ, số, khoảng trắng và . _ -');

export function importsRoutes(store: Store, jobs: ImportJobs): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/dossier-imports',
      {
        schema: {
          tags: ['Nhập hồ sơ'],
          summary: 'Tải lên tệp CSV/XLSX xuất từ phần mềm một cửa (multipart: source, file) — cần X-CSRF-Token; trả về mã công việc để theo dõi tiến độ',
          consumes: ['multipart/form-data'],
          response: { 202: JobSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        let source = '';
        let saved: { path: string; name: string } | null = null;
        for await (const part of request.parts()) {
          if (part.type === 'field' && part.fieldname === 'source') source = String(part.value).trim();
          if (part.type === 'file' && part.fieldname === 'file') {
            const extension = extname(part.filename).toLowerCase();
            if (extension !== '.csv' && extension !== '.xlsx') {
              part.file.resume();
              throw invalidInput(`Tệp "${part.filename}": chỉ nhận tệp .csv hoặc .xlsx.`);
            }
            const dir = await mkdtemp(join(tmpdir(), 'cchc-upload-'));
            const path = join(dir, `upload${extension}`);
            await pipeline(part.file, createWriteStream(path));
            if (part.file.truncated) throw invalidInput(`Tệp "${part.filename}" vượt quá dung lượng cho phép.`);
            saved = { path, name: part.filename };
          }
        }
        if (!saved) throw invalidInput('Chưa chọn tệp để nhập (trường "file").');
        const parsedSource = SOURCE_NAME.safeParse(source || 'motcua');
        if (!parsedSource.success) throw invalidInput(`Trường "source": ${parsedSource.error.issues[0]!.message}`);
        const job = jobs.start(store, user, { path: saved.path, fileName: saved.name, source: parsedSource.data });
        return reply.status(202).send({ id: job.id, file: job.file, state: job.state, rowsRead: 0, error: null, result: null });
      },
    );

    app.get(
      '/api/dossier-imports/jobs/:jobId',
      {
        schema: {
          tags: ['Nhập hồ sơ'],
          summary: 'Tiến độ và kết quả của một lần nhập',
          params: z.object({ jobId: z.string().uuid() }),
          response: { 200: JobSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const job = jobs.get(request.params.jobId, user.id);
        if (!job) throw notFound('Không tìm thấy lần nhập này.');
        return {
          id: job.id,
          file: job.file,
          state: job.state,
          rowsRead: job.rowsRead,
          error: job.error ?? null,
          result: job.result
            ? {
                runId: job.result.runId,
                inserted: job.result.inserted,
                updated: job.result.updated,
                unchanged: job.result.unchanged,
                rejected: job.result.rejected,
                errors: job.result.errors.slice(0, 1000),
              }
            : null,
        };
      },
    );

    app.get(
      '/api/dossier-imports/:runId/rejected.xlsx',
      {
        schema: {
          tags: ['Nhập hồ sơ'],
          summary: 'Tải các dòng bị từ chối của một lần nhập (XLSX, kèm lý do) để sửa và nhập lại',
          params: z.object({ runId: z.coerce.number().int().positive() }),
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const run = await store.importRuns.findById(request.params.runId);
        if (!run || (run.userId !== user.id && !mayManageUsers(principalOf(user)))) throw forbidden('Bạn không có quyền tải kết quả nhập này.');
        const buffer = await rejectedRowsWorkbook({
          headers: run.headers,
          rows: run.rejectedRows,
          errors: run.errors as Array<{ row: number; column: string; value: string; message: string }>,
        });
        const name = `dong-bi-tu-choi-${run.id}.xlsx`;
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(buffer);
      },
    );

    const ColumnMap = z.partialRecord(z.enum(Object.keys(DOSSIER_HEADERS) as [DossierField, ...DossierField[]]), z.string().max(200));
    app.get(
      '/api/import-sources/:source',
      {
        schema: {
          tags: ['Nhập hồ sơ'],
          summary: 'Cách đọc cột đã lưu cho một nguồn (trường → tên cột trong tệp), cùng các cột chuẩn và tên tương đương',
          params: z.object({ source: SOURCE_NAME }),
          response: {
            200: z.object({ source: z.string(), columnMap: z.record(z.string(), z.string()), canonical: z.record(z.string(), z.array(z.string())) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireUser(request);
        const columnMap = await store.importRuns.getColumnMap(request.params.source);
        return { source: request.params.source, columnMap, canonical: DOSSIER_HEADERS as unknown as Record<string, string[]> };
      },
    );
    app.put(
      '/api/import-sources/:source',
      {
        schema: {
          tags: ['Nhập hồ sơ'],
          summary: 'Lưu cách đọc cột cho một nguồn (quản trị viên; cần X-CSRF-Token)',
          params: z.object({ source: SOURCE_NAME }),
          body: z.object({ columnMap: ColumnMap }),
          response: { 200: z.object({ source: z.string(), columnMap: z.record(z.string(), z.string()) }), ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        if (!mayManageUsers(principalOf(user))) throw forbidden('Chỉ quản trị viên được khai báo cách đọc cột.');
        const map = Object.fromEntries(Object.entries(request.body.columnMap).filter(([, header]) => header.trim() !== ''));
        await store.importRuns.saveColumnMap(request.params.source, map);
        await store.audit.record({ userId: user.id, action: 'import-source.map', subject: request.params.source, details: map });
        return { source: request.params.source, columnMap: map };
      },
    );
  };
}
