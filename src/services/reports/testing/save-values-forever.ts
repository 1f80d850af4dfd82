// Run by report-save-kill.test.ts in a child process that is killed with SIGKILL mid-save:
// saves the same value k into several rows of one report, in one call, for k = 1, 2, 3, …
// and prints each k once its save returned.
import { openStore } from '../../../store/store';
import type { DatabaseConfig } from '../../../store/database';
import { updateReportValues } from '../compute-report';

const config = JSON.parse(process.env.CCHC_KILL_TEST_STORE!) as DatabaseConfig;
const { reportId, username, rows } = JSON.parse(process.env.CCHC_KILL_TEST_REPORT!) as { reportId: number; username: string; rows: string[] };
const store = await openStore(config, { migrate: false });
const account = (await store.users.findByUsername(username))!;
const user = { id: account.id, username, displayName: account.displayName, role: account.role, unit: (await store.units.findById(account.unitId))! };
for (let k = 1; ; k++) {
  await updateReportValues(store, user, reportId, { changes: rows.map((rowId) => ({ rowId, value: k })) });
  process.stdout.write(`${k}\n`);
}
