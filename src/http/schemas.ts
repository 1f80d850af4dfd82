import { z } from 'zod';
import { ROLES } from '../domain/auth/role';
import { parseDate } from '../domain/text/iso-date';
import { UNIT_LEVELS } from '../domain/units/unit';

/** Shared response shapes: one definition feeds validation, the OpenAPI document and the web app's types. */
export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .meta({ id: 'Error' });

/** A real calendar date (no 31/02, no month 13, years 1000–9999), written YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((text) => parseDate(text) === text, 'Ngày không có thật (kiểm tra ngày, tháng, năm).');

/** A database id: a positive integer that fits the id columns. */
export const Id = z.coerce.number().int().positive().max(2_147_483_647, 'Mã số quá lớn.');
/** The same in a JSON body, where a number must be a number. */
export const BodyId = z.number().int().positive().max(2_147_483_647, 'Mã số quá lớn.');

export const UnitSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    level: z.enum(UNIT_LEVELS),
    levelLabel: z.string(),
    parentId: z.number().int().nullable(),
    validFrom: IsoDate.nullable(),
    validTo: IsoDate.nullable(),
  })
  .meta({ id: 'Unit' });

export const UnitNodeSchema = UnitSchema.extend({ childCount: z.number().int() }).meta({ id: 'UnitNode' });

export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    unit: UnitSchema,
    active: z.boolean(),
  })
  .meta({ id: 'User' });

export const SessionSchema = z
  .object({
    user: UserSchema.omit({ active: true }).extend({ province: UnitSchema.nullable() }),
    csrfToken: z.string(),
  })
  .meta({ id: 'Session' });

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
};

/** A download: the file itself (sent as is, never serialized), or an error like every other route's. */
export const fileResponses = {
  200: z.unknown().describe('Tệp tải về (Content-Disposition: attachment)'),
  ...errorResponses,
};

export type UnitDto = z.infer<typeof UnitSchema>;
export type UnitNodeDto = z.infer<typeof UnitNodeSchema>;
export type UserDto = z.infer<typeof UserSchema>;
export type SessionDto = z.infer<typeof SessionSchema>;
