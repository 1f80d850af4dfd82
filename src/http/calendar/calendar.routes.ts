import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, getCalendarYear } from '../../services/calendar/get-calendar-year';

const YEAR_RANGE = `năm nằm ngoài phạm vi hỗ trợ (${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}).`;
const Year = z.coerce.number().int().min(CALENDAR_MIN_YEAR, YEAR_RANGE).max(CALENDAR_MAX_YEAR, YEAR_RANGE);
import {
  deleteCalendarOverride,
  listCalendarOverrides,
  OVERRIDE_KINDS,
  setCalendarOverride,
} from '../../services/calendar/manage-calendar-overrides';
import type { Store } from '../../store/store';
import type { CalendarOverrideRecord } from '../../store/repositories/calendar-overrides.repository';
import { requireUser } from '../auth/request-auth';
import { presentUnit } from '../presenters';
import { BodyId, errorResponses, Id, IsoDate, UnitSchema } from '../schemas';

const CalendarDaySchema = z
  .object({
    date: IsoDate,
    weekday: z.number().int().min(1).max(7),
    working: z.boolean(),
    weekend: z.boolean(),
    kind: z.string().nullable(),
    kindLabel: z.string().nullable(),
    reason: z.string().nullable(),
    legalRef: z.string().nullable(),
    source: z.enum(['schedule', 'statutory', 'override']).nullable(),
    lunar: z.object({ day: z.number(), month: z.number(), year: z.number(), leap: z.boolean(), label: z.string() }),
  })
  .meta({ id: 'CalendarDay' });

const OverrideSchema = z
  .object({
    id: z.number().int(),
    date: IsoDate,
    kind: z.enum(OVERRIDE_KINDS),
    reason: z.string(),
    legalRef: z.string().nullable(),
    provinceCode: z.string(),
    unitCode: z.string().nullable(),
  })
  .meta({ id: 'CalendarOverride' });

const presentOverride = (record: CalendarOverrideRecord) => ({
  id: record.id,
  date: record.date,
  kind: record.kind,
  reason: record.reason,
  legalRef: record.legalRef,
  provinceCode: record.provinceCode,
  unitCode: record.unitCode,
});

export function calendarRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/calendar/:year',
      {
        schema: {
          tags: ['Lịch làm việc'],
          summary: 'Lịch làm việc cả năm của một đơn vị: ngày nghỉ, ngày làm bù, âm lịch',
          params: z.object({ year: Year }),
          querystring: z.object({ unitId: Id.optional() }),
          response: {
            200: z.object({
              year: z.number(),
              unit: UnitSchema,
              province: UnitSchema,
              confirmed: z.boolean(),
              sources: z.array(z.string()),
              notes: z.string().nullable(),
              workingDays: z.number(),
              days: z.array(CalendarDaySchema),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const result = await getCalendarYear(store, user, request.params.year, request.query.unitId);
        return { ...result, unit: presentUnit(result.unit), province: presentUnit(result.province) };
      },
    );

    app.get(
      '/api/calendar-overrides',
      {
        schema: {
          tags: ['Lịch làm việc'],
          summary: 'Ngày nghỉ, ngày làm việc riêng của tỉnh và các đơn vị trong tỉnh',
          querystring: z.object({ year: Year.optional() }),
          response: { 200: z.object({ overrides: z.array(OverrideSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const overrides = await listCalendarOverrides(store, user, request.query.year);
        return { overrides: overrides.map(presentOverride) };
      },
    );

    app.put(
      '/api/calendar-overrides',
      {
        schema: {
          tags: ['Lịch làm việc'],
          summary: 'Thêm hoặc sửa một ngày của tỉnh/đơn vị (quản trị viên; cần X-CSRF-Token; có ghi nhật ký)',
          body: z.object({
            date: z.string().min(1),
            kind: z.enum(OVERRIDE_KINDS),
            reason: z.string().max(300),
            legalRef: z.string().max(300).nullable().optional(),
            unitId: BodyId,
          }),
          response: { 200: OverrideSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return presentOverride(await setCalendarOverride(store, user, request.body));
      },
    );

    app.delete(
      '/api/calendar-overrides/:id',
      {
        schema: {
          tags: ['Lịch làm việc'],
          summary: 'Xóa một ngày riêng (quản trị viên; cần X-CSRF-Token)',
          params: z.object({ id: Id }),
          response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await deleteCalendarOverride(store, user, request.params.id);
        return { ok: true as const };
      },
    );
  };
}
