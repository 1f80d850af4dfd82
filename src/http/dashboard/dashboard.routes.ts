import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardDistribution, dashboardRanking } from '../../services/dashboard/dashboard-ranking';
import { dashboardTrend } from '../../services/dashboard/dashboard-trend';
import {
  distributionWorkbook,
  rankingWorkbook,
  tableWorkbook,
  trendWorkbook,
  XLSX_CONTENT_TYPE,
  type XlsxFile,
} from '../../services/dashboard/dashboard-workbook';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { presentUnit } from '../presenters';
import { errorResponses } from '../schemas';
import {
  DistributionQuerySchema,
  DistributionSchema,
  RankingQuerySchema,
  RankingSchema,
  TableXlsxBodySchema,
  TrendQuerySchema,
  TrendSchema,
} from './dashboard.schemas';

const TAGS = ['Bảng điều khiển'];
const XLSX_NOTE = ' Thêm format=xlsx để tải số liệu của biểu đồ dạng Excel.';

function sendXlsx(reply: FastifyReply, file: XlsxFile) {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.buffer);
}

/** Charts of the dashboard: trend of the key rates, ranking and distribution of the child units. */
export function dashboardRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/dashboard/trend',
      {
        schema: {
          tags: TAGS,
          summary:
            'Xu hướng bốn tỷ lệ chính (đúng hạn, trực tuyến, số hóa hồ sơ, thanh toán trực tuyến) của một đơn vị (gồm đơn vị trực thuộc) qua các kỳ gần nhất.' +
            XLSX_NOTE,
          querystring: TrendQuerySchema,
          response: { 200: TrendSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const result = await dashboardTrend(store, requireUser(request), query);
        if (format === 'xlsx') return sendXlsx(reply, await trendWorkbook(result));
        return { ...result, unit: presentUnit(result.unit) };
      },
    );

    app.get(
      '/api/dashboard/ranking',
      {
        schema: {
          tags: TAGS,
          summary:
            'Xếp hạng các đơn vị trực thuộc trực tiếp (còn hiệu lực vào cuối kỳ) theo một tỷ lệ, kèm tử số và mẫu số; đơn vị không có hồ sơ xếp cuối.' +
            XLSX_NOTE,
          querystring: RankingQuerySchema,
          response: { 200: RankingSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const result = await dashboardRanking(store, requireUser(request), query);
        if (format === 'xlsx') return sendXlsx(reply, await rankingWorkbook(result));
        return { ...result, unit: presentUnit(result.unit) };
      },
    );

    app.get(
      '/api/dashboard/distribution',
      {
        schema: {
          tags: TAGS,
          summary: 'Phân bố một tỷ lệ của các đơn vị trực thuộc theo khoảng 10 điểm phần trăm, và số đơn vị không có hồ sơ.' + XLSX_NOTE,
          querystring: DistributionQuerySchema,
          response: { 200: DistributionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const result = await dashboardDistribution(store, requireUser(request), query);
        if (format === 'xlsx') return sendXlsx(reply, await distributionWorkbook(result));
        return { ...result, unit: presentUnit(result.unit) };
      },
    );

    app.post(
      '/api/dashboard/table.xlsx',
      {
        schema: {
          tags: TAGS,
          summary:
            'Bảng số liệu của một biểu đồ mà trình duyệt đang có (ví dụ tình hình nộp báo cáo) thành tệp Excel: số giữ là số, cột phần trăm (0–100) có định dạng %. Cần X-CSRF-Token',
          body: TableXlsxBodySchema,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireUser(request);
        return sendXlsx(reply, await tableWorkbook(request.body));
      },
    );
  };
}
