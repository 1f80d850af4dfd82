import type { Template } from '../templates/template';
import { oneStopByFieldSentence, oneStopFiguresFromValues, oneStopParagraph, type DataWindow, type FieldStats, type OneStopFigures } from './one-stop';

export interface GeneratorContext {
  template: Template;
  values: ReadonlyMap<string, { value: number | string | null }>;
  window: DataWindow | null;
  unitName: string;
  /** The statistics, used when the template has no one-stop rows to read the figures from. */
  stats?: OneStopFigures | null | undefined;
  /** The statistics by field (lĩnh vực), for the by-field sentence. */
  byField?: FieldStats[] | null | undefined;
}

/**
 * The generator for refreshGenerated: each key's text from the report's figures. The one-stop
 * paragraph reads the report's own rows first (so it says what the appendix says, corrections
 * included), the raw statistics only when the template has no such rows.
 */
export function paragraphGenerator(context: GeneratorContext): (key: string) => string | null {
  return (key) => {
    if (key === 'one_stop') {
      const figures = oneStopFiguresFromValues(context.template, context.values) ?? context.stats ?? null;
      return figures ? oneStopParagraph(figures, context.window, context.unitName) : null;
    }
    if (key === 'one_stop_by_field') return context.byField ? oneStopByFieldSentence(context.byField) : null;
    return null;
  };
}
