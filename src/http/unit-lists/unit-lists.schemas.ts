import { z } from 'zod';
import { ONLINE_MODES } from '../../domain/procedures/procedure';
import { PROCEDURE_FLAGS } from '../../domain/procedures/unit-procedure';
import { REGISTER_KINDS } from '../../domain/registers/registers';
import { UNIT_LEVELS } from '../../domain/units/unit';
import { IsoDate, UnitSchema } from '../schemas';

/** Shapes of the procedure-list and register API: validation, the OpenAPI document and the web page's types. */

const Id = z.coerce.number().int('Mã phải là số nguyên.').positive('Mã phải là số dương.').max(2_147_483_647, 'Mã quá lớn.');
export const UnitParamsSchema = z.object({ unitId: Id });
export const ProcedureEntryParamsSchema = z.object({ unitId: Id, entryId: Id });
const Register = z.enum(REGISTER_KINDS, { error: () => `Sổ không tồn tại (có: ${REGISTER_KINDS.join(', ')}).` });
export const RegisterParamsSchema = z.object({ unitId: Id, register: Register });
export const RegisterEntryParamsSchema = z.object({ unitId: Id, register: Register, entryId: Id });

/** A row as the form writes it: column key → text, checked by the same rules as an import row. */
export const CellsBodySchema = z
  .object({
    cells: z
      .record(
        z.string().regex(/^[A-Za-z_]{1,40}$/, 'Tên cột chỉ gồm chữ không dấu và dấu _.'),
        z.string().max(2000, 'Mỗi ô tối đa 2.000 ký tự.'),
      )
      .refine((cells) => Object.keys(cells).length <= 40, 'Tối đa 40 cột một dòng.'),
  })
  .strict();

const Cells = z.record(z.string(), z.string());

export const UnitProcedureSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    field: z.string(),
    level: z.enum(UNIT_LEVELS).nullable(),
    onlineMode: z.enum(ONLINE_MODES),
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    decision: z.string(),
    flags: z.record(z.enum(PROCEDURE_FLAGS), z.boolean()),
    cells: Cells,
  })
  .meta({ id: 'UnitProcedure' });

const Column = z.object({ key: z.string(), header: z.string() });

export const UnitProceduresSchema = z
  .object({ unit: UnitSchema, columns: z.array(Column), procedures: z.array(UnitProcedureSchema) })
  .meta({ id: 'UnitProcedures' });

export const RegisterFieldSchema = z.object({
  key: z.string(),
  header: z.string(),
  type: z.enum(['text', 'integer', 'yes_no', 'option']),
  required: z.boolean(),
  options: z.record(z.string(), z.string()).nullable(),
  help: z.string().nullable(),
});

export const RegisterEntrySchema = z
  .object({
    id: z.number().int(),
    startDay: IsoDate,
    endDay: IsoDate.nullable(),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    cells: Cells,
  })
  .meta({ id: 'RegisterEntry' });

export const RegisterSchema = z
  .object({
    unit: UnitSchema,
    register: z.object({ kind: Register, title: z.string(), entry: z.string(), dated: z.enum(['span', 'day']), fields: z.array(RegisterFieldSchema), columns: z.array(Column) }),
    entries: z.array(RegisterEntrySchema),
  })
  .meta({ id: 'Register' });

export const ProcedureImportResultSchema = z.object({ file: z.string(), rows: z.number(), inserted: z.number(), updated: z.number(), unchanged: z.number() });
export const RegisterImportResultSchema = z.object({ file: z.string(), register: Register, rows: z.number(), replaced: z.number() });
