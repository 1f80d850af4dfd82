/**
 * A calendar input that cannot be used: a bad date, an unknown lunar date, a broken calendar
 * file. `message` is Vietnamese and meant for the person who typed or wrote the input.
 */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}

export type CalendarErrorCode =
  | 'invalid_date'
  | 'invalid_datetime'
  | 'out_of_range'
  | 'invalid_lunar_date'
  | 'invalid_calendar_file'
  | 'invalid_argument';
