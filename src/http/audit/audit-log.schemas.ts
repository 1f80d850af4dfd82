import { z } from 'zod';
import { parseDate } from '../../domain/text/iso-date';

export const OUTCOMES = ['ok', 'refused', 'rejected', 'failed'] as const;
export const CHANNELS = ['web', 'cli', 'system'] as const;

export const RealDate = z
  .string()
  .max(10)
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDate(text) === text, 'Ngày phải là ngày có thật, dạng YYYY-MM-DD.');

const UnitRef = z.object({ id: z.number().int(), code: z.string().nullable(), name: z.string().nullable() });

export const AuditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    action: z.string(),
    actionLabel: z.string(),
    outcome: z.enum(OUTCOMES),
    outcomeLabel: z.string(),
    channel: z.enum(CHANNELS),
    channelLabel: z.string(),
    status: z.number().int().nullable(),
    subject: z.string().nullable(),
    details: z.unknown(),
    actor: z.object({ username: z.string().nullable(), name: z.string().nullable(), role: z.string().nullable(), unit: UnitRef.nullable() }),
    unit: UnitRef.nullable(),
    method: z.string().nullable(),
    route: z.string().nullable(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

export type AuditEventDto = z.infer<typeof AuditEventSchema>;

