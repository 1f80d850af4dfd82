/** A reporting period id or cut-off rule that cannot be used; the message is Vietnamese. */
export class PeriodError extends Error {
  constructor(
    readonly code: 'invalid_period' | 'invalid_rule' | 'invalid_argument',
    message: string,
  ) {
    super(message);
    this.name = 'PeriodError';
  }
}
