import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { computeIndex766, index766Against, index766Trend, MAX_AGAINST_DOWNLOAD } from '../../services/index766/compute-index';
import { againstWorkbook } from '../../services/index766/index766-workbook';
import { index766Inputs, saveIndex766Inputs } from '../../services/index766/manual-inputs';
import { profiles } from '../../services/index766/profile-files';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { presentUnit } from '../presenters';
import { errorResponses } from '../schemas';
import {
  AgainstQuerySchema,
  AgainstSchema,
  AgainstXlsxQuerySchema,
  IndexQuerySchema,
  IndexSchema,
  InputsBodySchema,
  InputsQuerySchema,
  InputsSchema,
  ProfilesSchema,
  TrendQuerySchema,
  TrendSchema,
} from './index766.schemas';

const TAGS = ['Chỉ số 766'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(reply: FastifyReply, file: { fileName: string; buffer: Buffer }) {
  return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.buffer);
}

/**
 * The service index of Decision 766/QĐ-TTg computed from the unit's own dossiers: the score, its
 * trend, the ranking of the units below, the dossiers behind every lost point, and the manual
 * inputs. Every route goes through the unit gate: an unknown unit answers like a foreign one.
 */
export function index766Routes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/index766/profiles',
      { schema: { tags: TAGS, summary: 'Các bộ tiêu chí chấm điểm Chỉ số 766 (nhóm, chỉ số, điểm, đã kiểm chứng hay chưa).', response: { 200: ProfilesSchema, ...errorResponses } } },
      async (request) => {
        requireUser(request);
        return {
          items: [...profiles().values()].map((p) => ({
            id: p.id,
            name: p.name,
            version: p.version,
            validFrom: p.valid_from,
            validTo: p.valid_to ?? null,
            basis: p.basis,
            groups: p.groups.map((g) => ({ id: g.id, name: g.name, points: g.points, indicators: g.indicators.map((i) => ({ id: i.id, name: i.name, points: i.points, verified: i.verified })) })),
          })),
        };
      },
    );

    app.get(
      '/api/index766',
      {
        schema: {
          tags: TAGS,
          summary:
            'Chỉ số 766 của một đơn vị (gồm các đơn vị trực thuộc) trong một kỳ: từng chỉ số thành phần với tử số, mẫu số, tỷ lệ, điểm; điểm nhóm, tổng điểm; xếp hạng các đơn vị trực thuộc trực tiếp. Kỳ đang diễn ra: tạm tính đến hôm nay.',
          querystring: IndexQuerySchema,
          response: { 200: IndexSchema, ...errorResponses },
        },
      },
      async (request) => {
        const result = await computeIndex766(store, requireUser(request), request.query);
        return { ...result, unit: presentUnit(result.unit) };
      },
    );

    app.get(
      '/api/index766/trend',
      {
        schema: {
          tags: TAGS,
          summary: 'Chỉ số 766 của một đơn vị qua các tháng gần nhất (mặc định 12 tháng đến tháng đã chọn), mỗi tháng theo bộ tiêu chí đang áp dụng.',
          querystring: TrendQuerySchema,
          response: { 200: TrendSchema, ...errorResponses },
        },
      },
      async (request) => {
        const result = await index766Trend(store, requireUser(request), request.query);
        return { ...result, unit: presentUnit(result.unit) };
      },
    );

    app.get(
      '/api/index766/against',
      {
        schema: {
          tags: TAGS,
          summary:
            'Các hồ sơ (hoặc thủ tục) làm mất điểm một chỉ số thành phần: thuộc mẫu số nhưng không thuộc tử số, kèm lý do từng hồ sơ. Chỉ số dựa vào số liệu nhập tay không có danh sách.',
          querystring: AgainstQuerySchema,
          response: { 200: AgainstSchema, ...errorResponses },
        },
      },
      async (request) => {
        const result = await index766Against(store, requireUser(request), request.query);
        return { ...result, unit: presentUnit(result.unit) };
      },
    );

    app.get(
      '/api/index766/against.xlsx',
      {
        schema: {
          tags: TAGS,
          summary: `Tải danh sách hồ sơ (hoặc thủ tục) làm mất điểm một chỉ số thành phần dạng Excel (tối đa ${MAX_AGAINST_DOWNLOAD.toLocaleString('vi-VN')} dòng). Được ghi nhật ký.`,
          querystring: AgainstXlsxQuerySchema,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const result = await index766Against(store, requireUser(request), { ...request.query, limit: MAX_AGAINST_DOWNLOAD, offset: 0 });
        return sendXlsx(reply, await againstWorkbook(result));
      },
    );

    app.get(
      '/api/index766/inputs',
      {
        schema: {
          tags: TAGS,
          summary: 'Các số liệu nhập tay của Chỉ số 766 (không có trong hồ sơ) mà đơn vị đã nhập cho một tháng.',
          querystring: InputsQuerySchema,
          response: { 200: InputsSchema, ...errorResponses },
        },
      },
      async (request) => {
        const result = await index766Inputs(store, requireUser(request), request.query);
        return { ...result, unit: presentUnit(result.unit) };
      },
    );

    app.put(
      '/api/index766/inputs',
      {
        schema: {
          tags: TAGS,
          summary:
            'Lưu số liệu nhập tay của Chỉ số 766 cho một đơn vị và một tháng (null: xóa). Số nguyên 0–10.000.000; cán bộ cho đơn vị của mình, cán bộ thẩm định, quản trị cho đơn vị trong phạm vi. Cần X-CSRF-Token; được ghi nhật ký.',
          body: InputsBodySchema,
          response: { 200: InputsSchema, ...errorResponses },
        },
      },
      async (request) => {
        const result = await saveIndex766Inputs(store, requireUser(request), request.body);
        return { ...result, unit: presentUnit(result.unit) };
      },
    );
  };
}
