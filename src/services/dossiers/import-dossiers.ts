import { basename } from 'node:path';
import { mayAccessUnit } from '../../domain/auth/access';
import { dossierDueDate } from '../../domain/calendar/deadline';
import { formatDateTime, todayInVietnam } from '../../domain/calendar/date-time';
import type { WorkCalendar } from '../../domain/calendar/working-days';
import { unitChainOf } from './column-maps';
import { contentHashOf } from './dossier-write';
import {
  DOSSIER_HEADERS,
  finishDayOf,
  mapDossierHeaders,
  parseDossierRow,
  type DossierField,
  type ParsedDossierRow,
  type RowIssue,
} from '../../domain/dossiers/dossier-row';
import { duplicateHeaderMessage } from '../../domain/import/header-row';
import { ImportRejectedError } from '../../domain/import/import-issue';
import type { Procedure } from '../../domain/procedures/procedure';
import { formatDateVi } from '../../domain/text/iso-date';
import { isUnitValidOn, type Unit } from '../../domain/units/unit';
import { openTabular, UnreadableFileError, type TabularRow } from '../../import/tabular-stream';
import type { Repositories, Store } from '../../store/store';
import type { DossierWrite } from '../../store/repositories/dossiers.repository';
import type { StagedDossier } from '../../store/repositories/dossier-import';
import { principalOf } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { unitCalendar } from '../calendar/unit-calendar';

export interface ImportDossiersInput {
  path: string;
  /** The name shown to the user (an uploaded file's original name). */
  fileName?: string;
  /** The system the export came from: with the dossier code, the key of idempotent import. */
  source: string;
  /** Who imports: an officer may import only for its unit, a reviewer or admin for its subtree. Null: the CLI. */
  actor: SessionUser | null;
  batchSize?: number;
  /** The day of the import in Vietnam (default: today): no dossier is received or finished after it. */
  today?: string;
  onProgress?: (rowsRead: number) => void;
  /** Aborting cancels the import between chunks; nothing of the file is stored. */
  signal?: AbortSignal;
}

export interface ImportDossiersResult {
  runId: number;
  file: string;
  source: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowIssue[];
}

/** Stored for download; a file with more rejected rows keeps the first ones and says so. */
const MAX_STORED_REJECTED_ROWS = 50_000;


/**
 * Imports a one-stop export. Rows are parsed and checked in chunks and staged; the whole file is
 * then published in one transaction with set-based statements, so a crash, a kill or a cancel
 * leaves the store as it was, and other requests are served between chunks. Rows are keyed by
 * (source, Mã hồ sơ, unit): the same file twice changes nothing, a newer export updates the
 * dossiers whose state moved on, and one unit's codes never reach another unit's dossiers. Bad rows are reported with
 * line, column, value and reason, and kept for download; the good rows are imported.
 */
export async function importDossiers(store: Store, input: ImportDossiersInput): Promise<ImportDossiersResult> {
  const file = input.fileName ?? basename(input.path);
  const batchSize = input.batchSize ?? 2000;
  let table;
  try {
    table = await openTabular(input.path);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ImportRejectedError([error.issueFor(file)]);
    throw error;
  }
  // The importer's unit reads its own mapping, else its province's, else the default; the CLI the default.
  const chain = input.actor ? await unitChainOf(store, input.actor.unit.id) : [];
  const savedMap = (await store.importRuns.getColumnMap(input.source, chain)) as Partial<Record<DossierField, string>>;
  const { columns, missing, duplicates } = mapDossierHeaders(table.headers, savedMap);
  if (duplicates.length > 0 || missing.length > 0) await table.close();
  if (duplicates.length > 0) {
    throw new ImportRejectedError(
      duplicates.map((duplicate) => ({ file, row: table.headerLine, column: duplicate.header, message: duplicateHeaderMessage(duplicate, table.headers) })),
    );
  }
  if (missing.length > 0) {
    throw new ImportRejectedError(
      missing.map((field) => ({
        file,
        row: table.headerLine,
        column: DOSSIER_HEADERS[field][0],
        message: `không tìm thấy cột "${DOSSIER_HEADERS[field][0]}" (hoặc tên tương đương) trong dòng tiêu đề. Quản trị viên có thể khai báo cách đọc cột cho nguồn "${input.source}".`,
      })),
    );
  }
  const rowContext = { today: input.today ?? todayInVietnam() };
  const headerOf = (field: DossierField) =>
    columns[field] !== undefined ? table.headers[columns[field]!]! : DOSSIER_HEADERS[field][0];

  const procedures = new Map((await store.procedures.all()).map((p) => [p.code, p]));
  const scope = input.actor ? await store.units.subtreeIds(input.actor.unit.id) : null;
  const result: ImportDossiersResult = {
    runId: 0,
    file,
    source: input.source,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
  };
  const rejectedRows: Array<{ line: number; cells: string[] }> = [];
  const firstLineOf = new Map<string, number>();
  let rowsRead = 0;

  const reject = (row: TabularRow, issues: RowIssue[]) => {
    result.rejected += 1;
    result.errors.push(...issues);
    if (rejectedRows.length < MAX_STORED_REJECTED_ROWS) rejectedRows.push({ line: row.line, cells: row.cells });
  };

  try {
    await store.withDossierImport(async (session) => {
      const units = new UnitLookup(store);
      const calendars = new Map<number, WorkCalendar>();
      const calendarOf = async (unit: Unit) => {
        let calendar = calendars.get(unit.id);
        if (!calendar) calendars.set(unit.id, (calendar = await unitCalendar(store, unit)));
        return calendar;
      };

      // Parse and validate a chunk, then stage its good rows in one statement. Between chunks the
      // event loop and the store serve other requests; nothing is visible until the publish.
      const stageBatch = async (batch: TabularRow[]) => {
        const accepted: StagedDossier[] = [];
        for (const row of batch) {
          const cells: Partial<Record<DossierField, string>> = {};
          for (const [field, index] of Object.entries(columns) as Array<[DossierField, number]>) cells[field] = row.cells[index] ?? '';
          const { dossier: parsed, issues } = parseDossierRow(cells, row.line, headerOf, rowContext);
          if (!parsed) {
            reject(row, issues);
            continue;
          }
          const problem = (field: DossierField, value: string, message: string) =>
            reject(row, [{ row: row.line, column: headerOf(field), value, message }]);
          const earlier = firstLineOf.get(parsed.code);
          if (earlier !== undefined) {
            problem('code', parsed.code, `mã hồ sơ trùng với dòng ${earlier} trong cùng tệp.`);
            continue;
          }
          firstLineOf.set(parsed.code, row.line);
          const unit = await units.on(parsed.unitCode, parsed.receivedAt.date);
          if (!unit) {
            problem('unitCode', parsed.unitCode, `không có đơn vị mã "${parsed.unitCode}" còn hiệu lực ngày ${formatDateVi(parsed.receivedAt.date)}.`);
            continue;
          }
          // A dossier belongs to its unit: the row may only write into the importer's scope, and its
          // key includes the unit, so its code can never address another unit's dossier.
          if (input.actor && !mayAccessUnit(principalOf(input.actor), unit.id, scope!.has(unit.id), 'write')) {
            problem('unitCode', parsed.unitCode, `bạn không có quyền nhập hồ sơ cho ${unit.name}.`);
            continue;
          }
          const procedure = procedures.get(parsed.procedureCode);
          if (!procedure) {
            problem('procedureCode', parsed.procedureCode, `không có thủ tục mã "${parsed.procedureCode}" trong danh mục thủ tục.`);
            continue;
          }
          accepted.push({ ...(await toWrite(parsed, unit, procedure, input.source, calendarOf)), line: row.line });
        }
        await session.staging.stage(accepted);
        rowsRead += batch.length;
        input.onProgress?.(rowsRead);
        throwIfCancelled(input.signal);
        await new Promise((resolve) => setImmediate(resolve));
      };

      let batch: TabularRow[] = [];
      try {
        for await (const row of table.rows) {
          batch.push(row);
          if (batch.length >= batchSize) {
            await stageBatch(batch);
            batch = [];
          }
        }
      } catch (error) {
        if (error instanceof UnreadableFileError) throw new ImportRejectedError([error.issueFor(file)]);
        throw error;
      }
      await stageBatch(batch);

      // Publish the whole file at once: a kill or a failure before the commit stores nothing.
      await session.transaction(async (repos, trx) => {
        const counts = await session.staging.publish(trx);
        Object.assign(result, counts);
        result.runId = await repos.importRuns.record({
          source: input.source,
          file,
          userId: input.actor?.id ?? null,
          unitId: input.actor?.unit.id ?? null,
          finishedAt: new Date(),
          inserted: result.inserted,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.rejected,
          headers: table.headers,
          errors: result.errors.slice(0, MAX_STORED_REJECTED_ROWS),
          rejectedRows,
        });
        await repos.audit.record({
          userId: input.actor?.id ?? null,
          action: 'dossiers.import',
          subject: `${input.source}: ${file}`,
          details: { runId: result.runId, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected },
        });
      });
    });
  } catch (error) {
    await table.close();
    throw error;
  }
  return result;
}

/** Cancelled between chunks: the staged rows are dropped, nothing was published. */
export class ImportCancelledError extends Error {
  constructor() {
    super('Đã hủy lần nhập; không có hồ sơ nào được lưu.');
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelledError();
}

async function toWrite(
  parsed: ParsedDossierRow,
  unit: Unit,
  procedure: Procedure,
  source: string,
  calendarOf: (unit: Unit) => Promise<WorkCalendar>,
): Promise<DossierWrite> {
  // A date-only appointment stays a day (shown "15/03/2026", never "00:00 15/03/2026").
  let dueAt = parsed.dueAt && parsed.dueHasTime ? formatDateTime(parsed.dueAt) : null;
  let dueDay = parsed.dueAt?.date ?? null;
  if (!parsed.dueAt) {
    // The export gave no appointment date: compute it from the statutory time on our calendar.
    const due = dossierDueDate(await calendarOf(unit), {
      receivedAt: formatDateTime(parsed.receivedAt),
      workingDays: procedure.statutoryDays,
    });
    dueAt = due.dueAt;
    dueDay = due.dueDate;
  }
  const write: Omit<DossierWrite, 'contentHash'> = {
    source,
    code: parsed.code,
    unitId: unit.id,
    procedureId: procedure.id,
    channel: parsed.channel,
    onlineMode: procedure.onlineMode,
    state: parsed.state,
    receivedAt: formatDateTime(parsed.receivedAt),
    receivedDay: parsed.receivedAt.date,
    dueAt,
    dueDay,
    dueFromSource: parsed.dueAt !== null,
    resultAt: parsed.resultAt ? formatDateTime(parsed.resultAt) : null,
    deliveredAt: parsed.deliveredAt ? formatDateTime(parsed.deliveredAt) : null,
    finishDay: finishDayOf(parsed),
    digitizedInput: parsed.digitizedInput,
    digitizedOutput: parsed.digitizedOutput,
    hasFee: parsed.hasFee ?? procedure.hasFee,
    paidOnline: parsed.paidOnline,
    rating: parsed.rating,
  };
  return { ...write, contentHash: contentHashOf(write) };
}

/** Units by code and date, cached: codes repeat across the 2025 reform, so the date decides. */
class UnitLookup {
  readonly #byCode = new Map<string, Unit[]>();
  constructor(private readonly repos: Pick<Repositories, 'units'>) {}

  async on(code: string, day: string): Promise<Unit | undefined> {
    let units = this.#byCode.get(code);
    if (!units) this.#byCode.set(code, (units = await this.repos.units.findByCode(code)));
    return units.find((unit) => isUnitValidOn(unit, day));
  }
}
