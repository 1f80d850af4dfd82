import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANNEL_LABELS, CHANNELS, DOSSIER_STATE_LABELS, DOSSIER_STATES, RATINGS } from '../../domain/dossiers/dossier';
import { EVENT_KINDS, EVENT_LABELS, type DossierEventKind } from '../../domain/dossiers/events';
import { ONLINE_MODE_LABELS } from '../../domain/procedures/procedure';
import { browseDossiers, getDossier } from '../../services/dossiers/browse-dossiers';
import { receiveAtDesk, recordDeskEvent } from '../../services/dossiers/record-at-desk';
import type { Store } from '../../store/store';
import type { DossierRecord } from '../../store/repositories/dossiers.repository';
import { requireUser } from '../auth/request-auth';
import { presentUnit } from '../presenters';
import { BodyId, errorResponses, Id, IsoDate, UnitSchema } from '../schemas';

const DossierSchema = z
  .object({
    id: z.number(),
    source: z.string(),
    code: z.string(),
    unitId: z.number(),
    procedureId: z.number(),
    channel: z.enum(CHANNELS),
    channelLabel: z.string(),
    state: z.enum(DOSSIER_STATES),
    stateLabel: z.string(),
    receivedAt: z.string(),
    dueAt: z.string().nullable(),
    dueDay: z.string().nullable(),
    resultAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    finishDay: z.string().nullable(),
    digitizedInput: z.boolean(),
    digitizedOutput: z.boolean(),
    hasFee: z.boolean(),
    paidOnline: z.boolean(),
    rating: z.enum(RATINGS).nullable(),
  })
  .meta({ id: 'Dossier' });

const presentDossier = (d: DossierRecord) => ({
  id: d.id,
  source: d.source,
  code: d.code,
  unitId: d.unitId,
  procedureId: d.procedureId,
  channel: d.channel,
  channelLabel: CHANNEL_LABELS[d.channel],
  state: d.state,
  stateLabel: DOSSIER_STATE_LABELS[d.state],
  receivedAt: d.receivedAt,
  dueAt: d.dueAt,
  dueDay: d.dueDay,
  resultAt: d.resultAt,
  deliveredAt: d.deliveredAt,
  finishDay: d.finishDay,
  digitizedInput: d.digitizedInput,
  digitizedOutput: d.digitizedOutput,
  hasFee: d.hasFee,
  paidOnline: d.paidOnline,
  rating: d.rating,
});

export function dossiersRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/procedures',
      {
        schema: {
          tags: ['Hồ sơ'],
          summary: 'Danh mục thủ tục hành chính',
          response: {
            200: z.object({
              procedures: z.array(
                z.object({
                  id: z.number(),
                  code: z.string(),
                  name: z.string(),
                  field: z.string(),
                  level: z.string(),
                  onlineMode: z.string(),
                  onlineModeLabel: z.string(),
                  statutoryDays: z.number(),
                  hasFee: z.boolean(),
                  interconnected: z.boolean(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireUser(request);
        const procedures = await store.procedures.all();
        return { procedures: procedures.map((p) => ({ ...p, onlineModeLabel: ONLINE_MODE_LABELS[p.onlineMode] })) };
      },
    );

    app.get(
      '/api/dossiers',
      {
        schema: {
          tags: ['Hồ sơ'],
          summary: 'Sổ theo dõi hồ sơ của một đơn vị và các đơn vị trực thuộc, có lọc và phân trang',
          querystring: z.object({
            unitId: Id,
            field: z.string().optional(),
            procedureId: Id.optional(),
            channel: z.enum(CHANNELS).optional(),
            state: z.enum(DOSSIER_STATES).optional(),
            overdueOn: IsoDate.optional().describe('Chỉ hồ sơ đang giải quyết đã quá hạn vào ngày này'),
            receivedFrom: IsoDate.optional(),
            receivedTo: IsoDate.optional(),
            code: z.string().max(100).optional(),
            page: z.coerce.number().int().min(1).optional(),
            pageSize: z.coerce.number().int().min(1).max(500).optional(),
          }),
          response: {
            200: z.object({
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
              fields: z.array(z.string()),
              items: z.array(
                z.object({
                  id: z.number(),
                  source: z.string(),
                  code: z.string(),
                  unitId: z.number(),
                  unitName: z.string(),
                  procedureId: z.number(),
                  procedureCode: z.string(),
                  procedureName: z.string(),
                  field: z.string(),
                  channel: z.string(),
                  channelLabel: z.string(),
                  state: z.string(),
                  stateLabel: z.string(),
                  receivedAt: z.string(),
                  dueAt: z.string().nullable(),
                  dueDay: z.string().nullable(),
                  resultAt: z.string().nullable(),
                  finishDay: z.string().nullable(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const result = await browseDossiers(store, user, request.query);
        return {
          ...result,
          items: result.items.map((item) => ({
            ...item,
            channelLabel: CHANNEL_LABELS[item.channel as keyof typeof CHANNEL_LABELS] ?? item.channel,
            stateLabel: DOSSIER_STATE_LABELS[item.state as keyof typeof DOSSIER_STATE_LABELS] ?? item.state,
          })),
        };
      },
    );

    app.get(
      '/api/dossiers/:dossierId',
      {
        schema: {
          tags: ['Hồ sơ'],
          summary: 'Một hồ sơ với dòng thời gian xử lý và các bước có thể làm tiếp',
          params: z.object({ dossierId: Id }),
          response: {
            200: z.object({
              dossier: DossierSchema,
              unit: UnitSchema,
              procedure: z.object({ id: z.number(), code: z.string(), name: z.string(), field: z.string(), statutoryDays: z.number() }),
              events: z.array(z.object({ id: z.number(), at: z.string(), kind: z.string(), label: z.string(), actor: z.string(), note: z.string().nullable() })),
              nextSteps: z.array(z.object({ kind: z.string(), label: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const detail = await getDossier(store, user, request.params.dossierId);
        return {
          dossier: presentDossier(detail.dossier),
          unit: presentUnit(detail.unit),
          procedure: {
            id: detail.procedure.id,
            code: detail.procedure.code,
            name: detail.procedure.name,
            field: detail.procedure.field,
            statutoryDays: detail.procedure.statutoryDays,
          },
          events: detail.events.map((e) => ({ ...e, label: EVENT_LABELS[e.kind as DossierEventKind] ?? e.kind })),
          nextSteps: detail.nextSteps.map((kind) => ({ kind, label: EVENT_LABELS[kind] })),
        };
      },
    );

    app.post(
      '/api/dossiers',
      {
        schema: {
          tags: ['Hồ sơ'],
          summary: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa (cần X-CSRF-Token); ngày hẹn trả tính theo lịch làm việc',
          body: z.object({
            unitId: BodyId,
            procedureId: BodyId,
            channel: z.enum(CHANNELS),
            receivedAt: z.string().max(40).optional(),
            digitizedInput: z.boolean().optional(),
            hasFee: z.boolean().optional(),
            paidOnline: z.boolean().optional(),
            note: z.string().max(1000).optional(),
          }),
          response: { 201: DossierSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        return reply.status(201).send(presentDossier(await receiveAtDesk(store, user, request.body)));
      },
    );

    app.post(
      '/api/dossiers/:dossierId/events',
      {
        schema: {
          tags: ['Hồ sơ'],
          summary: 'Ghi một bước xử lý hồ sơ (yêu cầu bổ sung, tạm dừng, có kết quả, trả kết quả, trả lại, rút) — cần X-CSRF-Token',
          params: z.object({ dossierId: Id }),
          body: z.object({
            kind: z.enum(EVENT_KINDS),
            at: z.string().max(40).optional(),
            note: z.string().max(1000).optional(),
            digitizedOutput: z.boolean().optional(),
            rating: z.enum(RATINGS).nullable().optional(),
          }),
          response: { 200: DossierSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return presentDossier(await recordDeskEvent(store, user, request.params.dossierId, request.body));
      },
    );
  };
}
