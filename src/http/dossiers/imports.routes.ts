import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOSSIER_HEADERS, type DossierField } from '../../domain/dossiers/dossier-row';
import { rejectedRowsWorkbook } from '../../export/rejected-rows-xlsx';
import { readColumnMap, saveColumnMap } from '../../services/dossiers/column-maps';
import { findImportRunFor } from '../../services/dossiers/import-run-access';
import type { ImportJob, ImportJobs } from '../../services/dossiers/import-jobs';
import { noAccess } from '../../services/access/assert-unit-access';
import { AppError, invalidInput } from '../../services/errors';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { BodyId, errorResponses, fileResponses, Id } from '../schemas';

const RowIssueSchema = z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() });
const JobSchema = z
  .object({
    id: z.string(),
    file: z.string(),
    state: z.enum(['running', 'done', 'failed', 'cancelled']),
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

const tooLarge = (name: string) => new AppError('payload_too_large', 413, `Tệp "${name}" vượt quá dung lượng cho phép.`);

function jobView(job: ImportJob) {
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
}

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
        let saved: { path: string; name: string; dir: string } | null = null;
        // Every folder made for this upload is removed unless a job took it over (and then the job
        // removes it when it ends): refused, too large, broken off or failed uploads leave nothing.
        const dirs: string[] = [];
        let handedOver = false;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'field' && part.fieldname === 'source') source = String(part.value).trim();
            if (part.type === 'file' && part.fieldname === 'file') {
              const extension = extname(part.filename).toLowerCase();
              if (extension !== '.csv' && extension !== '.xlsx') {
                part.file.resume();
                throw invalidInput(`Tệp "${part.filename}": chỉ nhận tệp .csv hoặc .xlsx.`);
              }
              const dir = await mkdtemp(join(jobs.uploadDir, 'cchc-upload-'));
              dirs.push(dir);
              const path = join(dir, `upload${extension}`);
              try {
                await pipeline(part.file, createWriteStream(path));
              } catch (error) {
                if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(part.filename);
                throw error;
              }
              if (part.file.truncated) throw tooLarge(part.filename);
              saved = { path, name: part.filename, dir };
            } else if (part.type === 'file') {
              part.file.resume();
            }
          }
          if (!saved) throw invalidInput('Chưa chọn tệp để nhập (trường "file").');
          const parsedSource = SOURCE_NAME.safeParse(source || 'motcua');
          if (!parsedSource.success) throw invalidInput(`Trường "source": ${parsedSource.error.issues[0]!.message}`);
          const job = jobs.start(store, user, { path: saved.path, dir: saved.dir, fileName: saved.name, source: parsedSource.data });
          handedOver = true;
          return reply.status(202).send(jobView(job));
        } finally {
          if (!handedOver) await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
        }
      },
    );

    app.post(
      '/api/dossier-imports/jobs/:jobId/cancel',
      {
        schema: {
          tags: ['Nhập hồ sơ'],
          summary: 'Hủy một lần nhập đang chạy (cần X-CSRF-Token): không hồ sơ nào của tệp được lưu',
          params: z.object({ jobId: z.string().uuid() }),
          response: { 200: JobSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const job = jobs.cancel(request.params.jobId, user.id);
        if (!job) throw noAccess('import-job');
        return jobView(job);
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
        if (!job) throw noAccess('import-job');
        return jobView(job);
      },
    );

    app.get(
      '/api/dossier-imports/:runId/rejected.xlsx',
      {
        schema: {
          tags: ['Nhập hồ sơ'],
          summary: 'Tải các dòng bị từ chối của một lần nhập (XLSX, kèm lý do) để sửa và nhập lại — người nhập, hoặc người có quyền với đơn vị của lần nhập',
          params: z.object({ runId: Id }),
          response: fileResponses,
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const run = await findImportRunFor(store, user, request.params.runId);
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
    const ColumnMapView = z.object({
      source: z.string(),
      unitId: z.number().int(),
      savedFor: z.number().int().nullable().describe('Đơn vị đã lưu cách đọc cột đang áp dụng (null: mặc định của hệ thống)'),
      columnMap: z.record(z.string(), z.string()),
    });
    app.get(
      '/api/import-sources/:source',
      {
        schema: {
          tags: ['Nhập hồ sơ'],
          summary:
            'Cách đọc cột một đơn vị trong phạm vi của mình (mặc định: đơn vị của mình) dùng khi nhập từ một nguồn: của đơn vị, nếu không thì của cấp trên gần nhất, nếu không thì mặc định; cùng các cột chuẩn và tên tương đương',
          params: z.object({ source: SOURCE_NAME }),
          querystring: z.object({ unitId: Id.optional() }),
          response: {
            200: ColumnMapView.extend({ canonical: z.record(z.string(), z.array(z.string())) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const view = await readColumnMap(store, user, request.params.source, request.query.unitId);
        return { ...view, canonical: DOSSIER_HEADERS as unknown as Record<string, string[]> };
      },
    );
    app.put(
      '/api/import-sources/:source',
      {
        schema: {
          tags: ['Nhập hồ sơ'],
          summary:
            'Lưu cách đọc cột cho một nguồn, riêng cho một đơn vị trong phạm vi (mặc định: đơn vị của mình — tỉnh với quản trị viên tỉnh); áp dụng cho đơn vị đó và các đơn vị cấp dưới chưa có cách riêng (quản trị viên; cần X-CSRF-Token)',
          params: z.object({ source: SOURCE_NAME }),
          body: z.object({ columnMap: ColumnMap, unitId: BodyId.optional() }),
          response: { 200: ColumnMapView, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const map = Object.fromEntries(Object.entries(request.body.columnMap).filter(([, header]) => header.trim() !== ''));
        return saveColumnMap(store, user, request.params.source, map, request.body.unitId);
      },
    );
  };
}
