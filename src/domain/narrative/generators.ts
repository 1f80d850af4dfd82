import type { Template } from '../templates/template';
import { oneStopByFieldSentence, oneStopParagraph, paragraphFigures, type DataWindow, type FieldStats, type OneStopFigures, type ParagraphFigures } from './one-stop';

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
 * paragraph reads every figure the appendix has from the report's own rows (so it says what the
 * appendix says, corrections included) and takes from the statistics only figures the appendix does
 * not carry, and only while the statistics agree with the report (see paragraphFigures). The
 * sentence by field (lĩnh vực) comes from the statistics alone: it is dropped (empty) as soon as the
 * report's figures differ from them, since its figures would no longer add up to the report's.
 */
export function paragraphGenerator(context: GeneratorContext): (key: string) => string | null {
  return (key) => {
    if (key === 'one_stop') {
      const result = paragraphFigures(context.template, context.values, context.stats);
      return result ? oneStopParagraph(result.figures, context.window, context.unitName) : null;
    }
    if (key === 'one_stop_by_field') {
      if (!context.byField) return null;
      const result = paragraphFigures(context.template, context.values, context.stats);
      if (result && !byFieldAddsUp(result.figures, context.byField)) return '';
      return oneStopByFieldSentence(context.byField) ?? '';
    }
    return null;
  };
}

/**
 * Whether the figures by field add up to the report's own (received in the period, resolved, resolved
 * on time): a figure the report states must equal the sum over the fields. A corrected figure, or
 * dossiers imported after the report was computed, make them differ.
 */
function byFieldAddsUp(figures: ParagraphFigures, byField: readonly FieldStats[]): boolean {
  const sum = (pick: (g: FieldStats) => number) => byField.reduce((total, g) => total + pick(g), 0);
  const onTimeAll = figures.resolved.on_time_all ?? (figures.resolved.early !== null && figures.resolved.on_time !== null ? figures.resolved.early + figures.resolved.on_time : null);
  const checks: Array<[number | null, number]> = [
    [figures.received.in_period, sum((g) => g.stats.received.in_period)],
    [figures.resolved.total, sum((g) => g.stats.resolved.total)],
    [onTimeAll, sum((g) => g.stats.resolved.early + g.stats.resolved.on_time)],
  ];
  return checks.every(([stated, summed]) => stated === null || stated === summed);
}
