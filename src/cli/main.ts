import { Command, CommanderError } from 'commander';
import { configureVietnameseValidationMessages } from '../domain/text/zod-messages';
import { withCliAuditScope } from './cli-audit';
import { CliError } from './cli-error';
import { translateCommanderError } from './commander-messages';
import { registerServeCommand } from './commands/serve';
import { registerAuditLogCommand } from './commands/audit-log';
import { registerIndex766Commands } from './commands/index766';
import { registerListCommands } from './commands/lists';
import { registerAuditCommand } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerDbCommands } from './commands/db';
import { registerUnitsCommands } from './commands/units';
import { registerUsersCommands } from './commands/users';
import { registerCalendarCommands } from './commands/calendar';
import { registerDemoCommands, registerDossierCommands } from './commands/dossiers';
import { registerReportCommands, registerTemplateCommands } from './commands/templates';
import { registerExportCommands } from './commands/export';
import { registerReportImportCommand } from './commands/report-import';
import { registerObligationCommands, registerRollupCommand, registerWorkflowCommands } from './commands/workflow';
import { VERSION } from '../version';

// Validation messages of every schema a command uses, in Vietnamese (as the HTTP API does).
configureVietnameseValidationMessages();

export function buildProgram(): Command {
  const program = new Command('cchc')
    .description('CCHC — thống kê một cửa và báo cáo cải cách hành chính')
    .version(VERSION, '-V, --version', 'in số phiên bản')
    .helpOption('-h, --help', 'hiện trợ giúp')
    .helpCommand('help [lệnh]', 'hiện trợ giúp của một lệnh')
    .showHelpAfterError(false);
  registerServeCommand(program);
  registerDbCommands(program);
  registerUnitsCommands(program);
  registerUsersCommands(program);
  registerCalendarCommands(program);
  registerDossierCommands(program);
  registerDemoCommands(program);
  registerTemplateCommands(program);
  registerReportCommands(program);
  registerExportCommands(program);
  registerReportImportCommand(program);
  registerWorkflowCommands(program);
  registerRollupCommand(program);
  registerObligationCommands(program);
  registerBackupCommands(program);
  registerAuditLogCommand(program);
  registerIndex766Commands(program);
  registerListCommands(program);
  registerAuditCommand(program);
  applyVietnameseErrors(program);
  return program;
}

function applyVietnameseErrors(command: Command): void {
  command.exitOverride();
  command.configureOutput({ writeErr: () => undefined, outputError: () => undefined });
  for (const sub of command.commands) applyVietnameseErrors(sub);
}

/** Runs the CLI and returns the process exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  return withCliAuditScope(program, () => run(program, argv));
}

async function run(program: Command, argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    // A command may finish its work yet report a partial result (e.g. rows rejected by an import).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      process.stderr.write(`Lỗi: ${translateCommanderError(error)}\n`);
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`Lỗi: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Lỗi không mong đợi: ${message}\n`);
    return 1;
  }
}
