import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UNIT_PROCEDURE_HEADERS, unitProcedureCells, type UnitProcedure } from '../../domain/procedures/unit-procedure';
import { DATE_HEADERS, registerCells, REGISTERS, type RegisterEntry, type RegisterKind } from '../../domain/registers/registers';
import { invalidInput } from '../../services/errors';
import { deleteRegisterEntry, importRegister, listRegister, saveRegisterEntry } from '../../services/unit-lists/registers';
import { deleteUnitProcedure, importUnitProcedures, listUnitProcedures, saveUnitProcedure } from '../../services/unit-lists/unit-procedures';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { presentUnit } from '../presenters';
import { errorResponses } from '../schemas';
import {
  CellsBodySchema,
  ProcedureEntryParamsSchema,
  ProcedureImportResultSchema,
  RegisterEntryParamsSchema,
  RegisterEntrySchema,
  RegisterImportResultSchema,
  RegisterParamsSchema,
  RegisterSchema,
  UnitParamsSchema,
  UnitProcedureSchema,
  UnitProceduresSchema,
} from './unit-lists.schemas';

const TAGS = ['Danh mục TTHC và sổ theo dõi'];

function presentProcedure(p: UnitProcedure) {
  const { unitId: _unit, ...rest } = p;
  return { ...rest, cells: unitProcedureCells(p) };
}

function presentEntry(kind: RegisterKind, e: RegisterEntry) {
  return { id: e.id, startDay: e.startDay, endDay: e.endDay, data: e.data, cells: registerCells(REGISTERS[kind], e) };
}

function registerColumns(kind: RegisterKind) {
  const definition = REGISTERS[kind];
  const dates = definition.dated === 'span' ? [{ key: 'startDay', header: DATE_HEADERS.start }, { key: 'endDay', header: DATE_HEADERS.end }] : [{ key: 'startDay', header: DATE_HEADERS.day }];
  return [...definition.fields.map((f) => ({ key: f.key, header: f.header })), ...dates];
}

/** Saves the uploaded CSV/XLSX (multipart field "file") to a temporary file. */
async function uploadedFile(request: FastifyRequest): Promise<{ path: string; name: string }> {
  let saved: { path: string; name: string } | null = null;
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== 'file' || saved) {
      part.file.resume();
      continue;
    }
    const extension = extname(part.filename).toLowerCase();
    if (extension !== '.csv' && extension !== '.xlsx') {
      part.file.resume();
      throw invalidInput(`Tệp "${part.filename}": chỉ nhận tệp .csv hoặc .xlsx.`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'cchc-list-'));
    const path = join(dir, `upload${extension}`);
    await pipeline(part.file, createWriteStream(path));
    if (part.file.truncated) throw invalidInput(`Tệp "${part.filename}" vượt quá dung lượng cho phép.`);
    saved = { path, name: part.filename };
  }
  if (!saved) throw invalidInput('Chưa chọn tệp để nhập (trường "file").');
  return saved;
}

/**
 * The unit's procedure list and registers: read, add, correct, remove, import. Every route goes
 * through the unit gate (an unknown unit or entry answers like a foreign one) and every change is
 * in the audit trail.
 */
export function unitListsRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/units/:unitId/procedures',
      {
        schema: {
          tags: TAGS,
          summary: 'Danh mục TTHC của đơn vị: mọi phiên bản của từng thủ tục với thời gian hiệu lực, mức độ trực tuyến và các đánh dấu (niêm yết, công khai, quy trình nội bộ, thanh toán trực tuyến…)',
          params: UnitParamsSchema,
          response: { 200: UnitProceduresSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { unit, procedures } = await listUnitProcedures(store, requireUser(request), request.params.unitId);
        return {
          unit: presentUnit(unit),
          columns: Object.entries(UNIT_PROCEDURE_HEADERS).map(([key, header]) => ({ key, header })),
          procedures: procedures.map(presentProcedure),
        };
      },
    );

    app.post(
      '/api/units/:unitId/procedures',
      {
        schema: {
          tags: TAGS,
          summary: 'Thêm một thủ tục (hoặc phiên bản mới của thủ tục: phiên bản trước kết thúc hiệu lực ngày hôm trước) vào danh mục của đơn vị — cần X-CSRF-Token',
          params: UnitParamsSchema,
          body: CellsBodySchema,
          response: { 201: UnitProcedureSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const saved = await saveUnitProcedure(store, requireUser(request), request.params.unitId, request.body.cells);
        return reply.status(201).send(presentProcedure(saved));
      },
    );

    app.put(
      '/api/units/:unitId/procedures/:entryId',
      {
        schema: { tags: TAGS, summary: 'Sửa một dòng của danh mục TTHC của đơn vị — cần X-CSRF-Token', params: ProcedureEntryParamsSchema, body: CellsBodySchema, response: { 200: UnitProcedureSchema, ...errorResponses } },
      },
      async (request) => presentProcedure(await saveUnitProcedure(store, requireUser(request), request.params.unitId, request.body.cells, request.params.entryId)),
    );

    app.delete(
      '/api/units/:unitId/procedures/:entryId',
      { schema: { tags: TAGS, summary: 'Xóa một dòng nhập nhầm của danh mục TTHC (thủ tục bị bãi bỏ thì ghi "Hiệu lực đến") — cần X-CSRF-Token', params: ProcedureEntryParamsSchema, response: { 204: z.null(), ...errorResponses } } },
      async (request, reply) => {
        await deleteUnitProcedure(store, requireUser(request), request.params.unitId, request.params.entryId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/units/:unitId/procedures/import',
      {
        schema: {
          tags: TAGS,
          summary: 'Nhập danh mục TTHC của đơn vị từ tệp CSV/XLSX (multipart: file): toàn bộ hoặc không gì cả; mỗi dòng theo Mã thủ tục và Hiệu lực từ — cần X-CSRF-Token',
          consumes: ['multipart/form-data'],
          params: UnitParamsSchema,
          response: { 200: ProcedureImportResultSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const file = await uploadedFile(request);
        try {
          return await importUnitProcedures(store, user, request.params.unitId, file.path, file.name);
        } finally {
          await rm(dirname(file.path), { recursive: true, force: true });
        }
      },
    );

    app.get(
      '/api/units/:unitId/registers/:register',
      {
        schema: {
          tags: TAGS,
          summary: 'Một sổ theo dõi của đơn vị (staff: cán bộ, công chức; equipment: trang thiết bị; documents: văn bản điện tử; activities: thông tin, tuyên truyền) với các cột và các dòng',
          params: RegisterParamsSchema,
          response: { 200: RegisterSchema, ...errorResponses },
        },
      },
      async (request) => {
        const kind = request.params.register;
        const { unit, entries } = await listRegister(store, requireUser(request), request.params.unitId, kind);
        const definition = REGISTERS[kind];
        return {
          unit: presentUnit(unit),
          register: {
            kind,
            title: definition.title,
            entry: definition.entry,
            dated: definition.dated,
            fields: definition.fields.map((f) => ({ key: f.key, header: f.header, type: f.type, required: f.required ?? false, options: f.options ?? null, help: f.help ?? null })),
            columns: registerColumns(kind),
          },
          entries: entries.map((e) => presentEntry(kind, e)),
        };
      },
    );

    app.post(
      '/api/units/:unitId/registers/:register',
      { schema: { tags: TAGS, summary: 'Thêm một dòng vào sổ theo dõi của đơn vị — cần X-CSRF-Token', params: RegisterParamsSchema, body: CellsBodySchema, response: { 201: RegisterEntrySchema, ...errorResponses } } },
      async (request, reply) => {
        const { unitId, register } = request.params;
        const saved = await saveRegisterEntry(store, requireUser(request), unitId, register, request.body.cells);
        return reply.status(201).send(presentEntry(register, saved));
      },
    );

    app.put(
      '/api/units/:unitId/registers/:register/:entryId',
      { schema: { tags: TAGS, summary: 'Sửa một dòng của sổ theo dõi — cần X-CSRF-Token', params: RegisterEntryParamsSchema, body: CellsBodySchema, response: { 200: RegisterEntrySchema, ...errorResponses } } },
      async (request) => {
        const { unitId, register, entryId } = request.params;
        return presentEntry(register, await saveRegisterEntry(store, requireUser(request), unitId, register, request.body.cells, entryId));
      },
    );

    app.delete(
      '/api/units/:unitId/registers/:register/:entryId',
      { schema: { tags: TAGS, summary: 'Xóa một dòng của sổ theo dõi — cần X-CSRF-Token', params: RegisterEntryParamsSchema, response: { 204: z.null(), ...errorResponses } } },
      async (request, reply) => {
        const { unitId, register, entryId } = request.params;
        await deleteRegisterEntry(store, requireUser(request), unitId, register, entryId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/units/:unitId/registers/:register/import',
      {
        schema: {
          tags: TAGS,
          summary:
            'Nhập sổ theo dõi từ tệp CSV/XLSX (multipart: file), toàn bộ hoặc không gì cả: sổ cán bộ và sổ thiết bị được thay bằng tệp; sổ văn bản và sổ tuyên truyền thêm các dòng của tệp, thay các dòng cùng ngày — cần X-CSRF-Token',
          consumes: ['multipart/form-data'],
          params: RegisterParamsSchema,
          response: { 200: RegisterImportResultSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const file = await uploadedFile(request);
        try {
          return await importRegister(store, user, request.params.unitId, request.params.register, file.path, file.name);
        } finally {
          await rm(dirname(file.path), { recursive: true, force: true });
        }
      },
    );
  };
}
