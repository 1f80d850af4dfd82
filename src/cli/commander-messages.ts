import type { CommanderError } from 'commander';

/** Commander speaks English; our users read Vietnamese. */
export function translateCommanderError(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownCommand':
      return `không có lệnh "${quoted}". Xem "cchc --help".`;
    case 'commander.unknownOption':
      return `không có tùy chọn "${quoted}". Xem "cchc --help".`;
    case 'commander.missingArgument':
      return `thiếu tham số "${quoted}".`;
    case 'commander.optionMissingArgument':
      return `tùy chọn "${quoted}" cần một giá trị.`;
    case 'commander.missingMandatoryOptionValue':
      return `thiếu tùy chọn bắt buộc "${quoted}".`;
    case 'commander.excessArguments':
      return 'thừa tham số. Xem "cchc --help".';
    case 'commander.invalidArgument':
      return error.message.replace(/^error: /, '');
    default:
      return error.message.replace(/^error: /, '');
  }
}
