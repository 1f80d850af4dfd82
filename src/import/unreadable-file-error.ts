import type { ImportIssue } from '../domain/import/import-issue';

/** A file that cannot be read as a whole (encoding, structure, bounds); the message is Vietnamese. */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly where: { row?: number; column?: string } = {},
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }

  /** The issue to show, located in the file as the user named it. */
  issueFor(file: string): ImportIssue {
    return {
      file,
      ...(this.where.row !== undefined ? { row: this.where.row } : {}),
      ...(this.where.column !== undefined ? { column: this.where.column } : {}),
      message: this.message,
    };
  }
}
