import { parsePeriodId, PeriodError, type Period } from '../domain/period';
import { invalidInput } from './errors';

/** A period id from a request, with the domain's Vietnamese message as a 400 when it is not one. */
export function readPeriod(id: string): Period {
  try {
    return parsePeriodId(id);
  } catch (error) {
    if (error instanceof PeriodError) throw invalidInput(error.message);
    throw error;
  }
}
