import { isOutdated, type Block, type Narrative } from '../narrative/narrative';
import { numberedSections } from './section-text';

/**
 * Text that follows the figures (#11 item 4): a generated paragraph is written from the report's
 * values every time it is read, so it always says what the appendix says. An official who edited
 * one wrote from the figures of that moment: once a figure changes (a correction, a recomputation)
 * the edit still prints the old figures, and the document would contradict its appendix. This check
 * finds every such paragraph and names the figures that changed ("15 → 16"), for the editor and the
 * submission checklist.
 */

export interface OutdatedParagraph {
  sectionId: string;
  /** "II.2. Cải cách thủ tục hành chính". */
  sectionLabel: string;
  key: string;
  /** The figures that changed, as "15 → 16"; empty when they cannot be paired. */
  changes: string[];
}

// A figure as the paragraphs print it: 1.224, 95,25 (a percent sign belongs to the figure), 15.
const FIGURE = /\d{1,3}(?:\.\d{3})+(?:,\d+)?%?|\d+(?:,\d+)?%?/g;

/** The figures of a text, in order ("từ ngày 15/12/2023" gives 15, 12, 2023). */
export function figuresIn(text: string): string[] {
  return text.match(FIGURE) ?? [];
}

/**
 * What changed between the figures a paragraph was edited from and those of now: the figures both
 * texts share in order (their longest common sequence) anchor the comparison; between two anchors a
 * figure that went and one that came are paired ("15 → 16"); figures only one side has are counted
 * ("và 3 số liệu khác").
 */
export function figureChanges(before: string, after: string): string[] {
  const a = figuresIn(before);
  const b = figuresIn(after);
  // Longest common subsequence, by dynamic programming (a paragraph has a few dozen figures).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const changes: string[] = [];
  let unpaired = 0;
  let gone: string[] = [];
  let came: string[] = [];
  const flush = () => {
    const pairs = Math.min(gone.length, came.length);
    for (let k = 0; k < pairs; k++) changes.push(`${gone[k]} → ${came[k]}`);
    unpaired += gone.length + came.length - 2 * pairs;
    gone = [];
    came = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      gone.push(a[i++]!);
    } else {
      came.push(b[j++]!);
    }
  }
  flush();
  if (unpaired > 0) changes.push(changes.length > 0 ? `và ${unpaired} số liệu khác` : `${unpaired} số liệu thay đổi`);
  return changes;
}

/** Every edited generated paragraph whose figures changed since the edit, in printed order. */
export function outdatedParagraphs(narrative: Pick<Narrative, 'sections'>): OutdatedParagraph[] {
  const out: OutdatedParagraph[] = [];
  for (const { section, label } of numberedSections(narrative)) {
    for (const block of section.blocks as Block[]) {
      if (block.type !== 'generated' || !isOutdated(block)) continue;
      out.push({ sectionId: section.id, sectionLabel: label, key: block.key, changes: figureChanges(block.edited!.basedOn, block.text) });
    }
  }
  return out;
}

/** The sentence for one outdated paragraph, as the checklist and the editor print it. */
export function outdatedMessage(item: Pick<OutdatedParagraph, 'sectionLabel' | 'changes'>): string {
  const changes = item.changes.length > 0 ? ` (${item.changes.join('; ')})` : '';
  return `Đoạn văn sinh từ số liệu ở mục ${item.sectionLabel} đã sửa tay nhưng số liệu đã thay đổi${changes}: dùng lại đoạn tự sinh hoặc sửa lại theo số liệu mới.`;
}

