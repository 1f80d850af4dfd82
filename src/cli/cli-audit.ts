import { userInfo, hostname } from 'node:os';
import type { Command } from 'commander';
import { outcomeOfStatus, type AuditOutcomeName } from '../domain/audit/audit-actions';
import { redactForAudit } from '../domain/audit/redact';
import { AppError } from '../services/errors';
import { currentAuditScope, withAuditScope } from '../store/audit/audit-scope';
import type { Store } from '../store/store';
import { CliError } from './cli-error';

/** The action each command stands for in the audit trail; others are recorded as "cchc <command>". */
const COMMAND_ACTIONS: Readonly<Record<string, string>> = {
  'users add': 'users.add',
  'units import': 'units.import',
  'procedures import': 'procedures.import',
  'lists procedures import': 'unit-procedures.import',
  'lists register import': 'register.import',
  'import dossiers': 'dossiers.import',
  'demo dossiers': 'demo.dossiers',
  'report compute': 'report.compute',
  'report submit': 'report.submit',
  'report approve': 'report.approve',
  'report return': 'report.return',
  'report reopen': 'report.reopen',
  'report export': 'report.export',
  rollup: 'rollup.export',
  'index766 against': 'index766.against.download',
  'obligations set': 'obligation.set',
  'index766 inputs': 'index766.inputs.save',
  'db migrate': 'store.migrate',
  backup: 'store.backup',
  restore: 'store.restore',
};

/** Commands that only read: recorded only when refused. `rollup` is a download only with --xlsx. */
const READS = new Set(['index', 'index766 score', 'index766 trend', 'index766 profiles', 'index766 schema', 'stats', 'procedures list', 'obligations list', 'audit-log', 'template list', 'template show', 'lists procedures show', 'lists register show']);

/** The person at the terminal, for rows no account is behind. */
export const operatorActor = () => {
  let name = 'không rõ';
  try {
    name = userInfo().username;
  } catch {
    // no account name for this uid (a container)
  }
  return { username: null, name: `Dòng lệnh (${name}@${hostname()})` };
};

function pathOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Runs a CLI invocation inside an audit scope: who is at the terminal, which command, its options. */
export function withCliAuditScope<T>(program: Command, work: () => Promise<T>): Promise<T> {
  program.hook('preAction', (_self, action) => {
    const scope = currentAuditScope();
    if (!scope) return;
    const path = pathOf(action);
    scope.route = `cchc ${path}`;
    scope.details = redactForAudit({ args: action.args, options: action.opts() });
  });
  return withAuditScope({ channel: 'cli', actor: operatorActor() }, work);
}

function outcomeOf(error: unknown): { outcome: AuditOutcomeName; status: number; message?: string } {
  if (error === undefined) return { outcome: 'ok', status: typeof process.exitCode === 'number' ? process.exitCode : 0 };
  if (error instanceof AppError) return { outcome: outcomeOfStatus(error.status), status: error.status, message: error.message };
  if (error instanceof CliError) return { outcome: error.exitCode === 2 ? 'rejected' : error.exitCode === 1 ? 'refused' : 'failed', status: error.exitCode, message: error.message };
  return { outcome: 'failed', status: 1, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Records the command that just worked on the store, unless a use case already recorded what it
 * did (and it succeeded), or it only read. Called by withStore before the store closes.
 */
export async function recordCliCommand(store: Store, error?: unknown): Promise<void> {
  const scope = currentAuditScope();
  if (!scope || scope.channel !== 'cli' || !scope.route) return;
  const path = scope.route.replace(/^cchc /, '');
  const { outcome, status, message } = outcomeOf(error);
  const options = ((scope.details as { options?: Record<string, unknown> } | undefined)?.options ?? {}) as Record<string, unknown>;
  const reads =
    READS.has(path) || ((path === 'rollup' || path === 'index766 against') && !options.xlsx) || (path === 'index766 inputs' && !options.set);
  if (outcome === 'ok' && (scope.recorded || reads)) return;
  if (outcome !== 'refused' && reads) return;
  await store.audit.record({
    userId: null,
    action: COMMAND_ACTIONS[path] ?? scope.route,
    outcome,
    status,
    details: { ...(scope.details as object), ...(message ? { error: message } : {}) },
  });
}
