import { z } from 'zod';
import { cleanText, lowerFirst, upperVi } from './text';

/**
 * The body of a report: sections in the order of DOMAIN.md (I. Công tác chỉ đạo, điều hành;
 * II. Kết quả thực hiện by the six areas; III. Đánh giá chung; IV. Phương hướng, nhiệm vụ;
 * V. Kiến nghị, đề xuất), each with free text the official edits and paragraphs generated from the
 * report's figures. Numbers of sections (I., 1., a)) come from their place, so a template may
 * rename, add or drop sections without renumbering by hand.
 */

export const InlineSchema = z
  .object({
    text: z.string(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
  })
  .strict();
export type Inline = z.infer<typeof InlineSchema>;

const Runs = z.array(InlineSchema);

export const EditedSchema = z
  .object({
    /** What the official wrote instead of the generated text. */
    text: z.string(),
    /** The generated text the edit was made from: when the figures change, the edit is outdated. */
    basedOn: z.string(),
  })
  .strict();

export const BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), runs: Runs }).strict(),
  /** A free sub-heading inside a section ("* Kết quả tuyên truyền"), bold, not numbered. */
  z.object({ type: z.literal('heading'), runs: Runs }).strict(),
  z
    .object({
      type: z.literal('bullets'),
      items: z.array(Runs),
      /** "-" for a list, "+" for a list inside a list, as Vietnamese reports write them. */
      marker: z.enum(['-', '+']).default('-'),
    })
    .strict(),
  z
    .object({
      type: z.literal('generated'),
      /** Which generator fills it: see GENERATED_PARAGRAPHS. */
      key: z.string().min(1),
      /** The last generated text (empty until generated). */
      text: z.string().default(''),
      edited: EditedSchema.nullable().default(null),
    })
    .strict(),
]);
export type Block = z.infer<typeof BlockSchema>;
export type GeneratedBlock = Extract<Block, { type: 'generated' }>;

export interface Section {
  /** Stable id, so a new report can take the previous period's text section by section. */
  id: string;
  title: string;
  /** false prints the title without a number. */
  numbered?: boolean | undefined;
  blocks: Block[];
  children?: Section[] | undefined;
}

export const SectionSchema: z.ZodType<Section, unknown> = z.lazy(() =>
  z
    .object({
      id: z.string().min(1),
      title: z.string().min(1),
      numbered: z.boolean().optional(),
      blocks: z.array(BlockSchema).default([]),
      children: z.array(SectionSchema).optional(),
    })
    .strict(),
);

/** Sections nest I. → 1. → a) in print; a few levels more are tolerated, a thousand are an attack or a broken file. */
export const MAX_SECTION_DEPTH = 8;
export const SECTION_DEPTH_MESSAGE = `Mục lồng nhau quá sâu: tối đa ${MAX_SECTION_DEPTH} cấp (I. → 1. → a) …).`;

/** How deep sections nest in a narrative as read (not yet checked), counted without recursion. */
export function sectionDepthOf(raw: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[(raw as { sections?: unknown } | null)?.sections, 1]];
  while (stack.length > 0) {
    const [list, depth] = stack.pop()!;
    if (!Array.isArray(list)) continue;
    for (const section of list) {
      deepest = Math.max(deepest, depth);
      if (deepest > MAX_SECTION_DEPTH) return deepest;
      stack.push([(section as { children?: unknown } | null)?.children, depth + 1]);
    }
  }
  return deepest;
}

export const NarrativeSchema = z.preprocess(
  (raw, ctx) => {
    // Checked before the recursive schema walks it: a thousand levels must not reach the parser.
    if (sectionDepthOf(raw) > MAX_SECTION_DEPTH) {
      ctx.addIssue({ code: 'custom', message: SECTION_DEPTH_MESSAGE });
      return z.NEVER;
    }
    return raw;
  },
  z
    .object({
      /** Before section I: "Thực hiện Công văn số …, UBND xã … báo cáo … như sau:". */
      preamble: z.array(BlockSchema).default([]),
      sections: z.array(SectionSchema).default([]),
      /** After the last section: "Trên đây là báo cáo …./.". */
      closing: z.array(BlockSchema).default([]),
    })
    .strict(),
);
export type Narrative = z.infer<typeof NarrativeSchema>;

/** The generators a template may place in its narrative. */
export const GENERATED_PARAGRAPHS = {
  one_stop: 'Kết quả tiếp nhận, giải quyết hồ sơ TTHC (từ số liệu của báo cáo)',
  one_stop_by_field: 'Kết quả giải quyết hồ sơ TTHC theo lĩnh vực',
} as const;
export type GeneratedKey = keyof typeof GENERATED_PARAGRAPHS;

/** A paragraph of plain text. */
export const paragraph = (text: string): Block => ({ type: 'paragraph', runs: parseInline(text) });
export const generated = (key: GeneratedKey): GeneratedBlock => ({ type: 'generated', key, text: '', edited: null });

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** The Vietnamese alphabet as points are lettered: a) b) c) d) đ) e) g) h) i) k) … */
const POINT_LETTERS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');

/**
 * How a section title is printed at its depth (0 = I., 1 = 1., 2 = a)) and place (0-based among its
 * numbered siblings): "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "1. Cải cách thể chế", "a) Kết quả …".
 */
export function sectionHeading(section: Pick<Section, 'title' | 'numbered'>, depth: number, index: number): string {
  const title = cleanText(section.title).trim();
  const text = depth === 0 ? upperVi(title) : title;
  if (section.numbered === false) return text;
  const number =
    depth === 0 ? `${toRoman(index + 1)}.` : depth === 1 ? `${index + 1}.` : `${POINT_LETTERS[index] ?? String(index + 1)})`;
  return `${number} ${text}`;
}

/** The text a generated block prints: the official's edit if any, else the generated text. */
export function generatedText(block: GeneratedBlock): string {
  return block.edited ? block.edited.text : block.text;
}

/** An edited generated paragraph whose figures have changed since the edit. */
export function isOutdated(block: GeneratedBlock): boolean {
  return block.edited !== null && block.edited.basedOn !== block.text;
}

/**
 * Regenerates every generated block from the current figures. An edit is kept (the official's
 * words win) and becomes outdated when the figures it was made from have changed. A generator that
 * returns null (nothing to say, or no figures) leaves the block as it was.
 */
export function refreshGenerated(narrative: Narrative, generate: (key: string) => string | null): Narrative {
  const blocks = (list: Block[]): Block[] =>
    list.map((block) => {
      if (block.type !== 'generated') return block;
      const text = generate(block.key);
      return text === null ? block : { ...block, text };
    });
  const sections = (list: Section[]): Section[] =>
    list.map((s) => ({ ...s, blocks: blocks(s.blocks), ...(s.children ? { children: sections(s.children) } : {}) }));
  return { preamble: blocks(narrative.preamble), sections: sections(narrative.sections), closing: blocks(narrative.closing) };
}

/** Records the official's edit of a generated block (an edit equal to the generated text clears it). */
export function editGenerated(block: GeneratedBlock, text: string): GeneratedBlock {
  if (text === block.text) return { ...block, edited: null };
  return { ...block, edited: { text, basedOn: block.text } };
}

/**
 * A light markup for free text typed in an editor or an interchange file: `**bold**`, `*italic*`
 * (or `_italic_`), `***both***`. A marker without its closing pair is printed as it is.
 */
export function parseInline(text: string): Inline[] {
  const source = cleanText(text);
  const runs: Inline[] = [];
  const push = (value: string, bold: boolean, italic: boolean) => {
    if (value === '') return;
    const last = runs[runs.length - 1];
    if (last && !!last.bold === bold && !!last.italic === italic) last.text += value;
    else runs.push({ text: value, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
  };
  const pattern = /(\*\*\*)([^*]+?)\*\*\*|(\*\*)([^*]+?)\*\*|(\*)([^*\s][^*]*?)\*|(?<![\p{L}\p{N}])_([^_\s][^_]*?)_(?![\p{L}\p{N}])/gu;
  let at = 0;
  for (const m of source.matchAll(pattern)) {
    push(source.slice(at, m.index), false, false);
    if (m[1]) push(m[2]!, true, true);
    else if (m[3]) push(m[4]!, true, false);
    else if (m[5]) push(m[6]!, false, true);
    else push(m[7]!, false, true);
    at = m.index + m[0].length;
  }
  push(source.slice(at), false, false);
  return runs;
}

/**
 * Free text as blocks: blank lines separate paragraphs; lines starting with "- " or "+ " make a
 * bullet list; a line starting with "# " is a sub-heading; a line "[[one_stop]]" places a generated
 * paragraph. Line breaks inside a paragraph are kept.
 */
export function blocksFromText(text: string): Block[] {
  const blocks: Block[] = [];
  const chunks = cleanText(text).split(/\n\s*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    let para: string[] = [];
    let list: { marker: '-' | '+'; items: Inline[][] } | null = null;
    const flush = () => {
      if (para.length) blocks.push({ type: 'paragraph', runs: parseInline(para.join('\n')) });
      para = [];
      if (list) blocks.push({ type: 'bullets', marker: list.marker, items: list.items });
      list = null;
    };
    for (const raw of lines) {
      const line = raw.trim();
      const bullet = /^([-+])\s+(.*)$/.exec(line);
      const generatedKey = /^\[\[([a-z_]+)\]\]$/.exec(line);
      if (generatedKey) {
        flush();
        blocks.push({ type: 'generated', key: generatedKey[1]!, text: '', edited: null });
      } else if (line.startsWith('# ')) {
        flush();
        blocks.push({ type: 'heading', runs: parseInline(line.slice(2).trim()) });
      } else if (bullet) {
        const marker = bullet[1] as '-' | '+';
        if (para.length || (list && list.marker !== marker)) flush();
        list ??= { marker, items: [] };
        list.items.push(parseInline(bullet[2]!));
      } else {
        if (list) flush();
        para.push(line);
      }
    }
    flush();
  }
  return blocks;
}

/** Plain text of runs (for search, previews and tests). */
export const runsText = (runs: Inline[]): string => runs.map((r) => r.text).join('');

export interface OutlineOptions {
  /** "UBND xã Thịnh Đức": the subject of the opening and closing sentences. */
  unitName: string;
  /** "Quý I năm 2024" (periodLabel of the period). */
  periodLabel: string;
  /** "Quý II năm 2024": when given, section IV reads "Phương hướng, nhiệm vụ quý II năm 2024". */
  nextPeriodLabel?: string | null;
}

/** The six areas of Nghị quyết 76/NQ-CP, as section II is divided. */
export const REFORM_AREAS = [
  { id: 'ii_1_institutions', title: 'Cải cách thể chế' },
  { id: 'ii_2_procedures', title: 'Cải cách thủ tục hành chính' },
  { id: 'ii_3_organisation', title: 'Cải cách tổ chức bộ máy hành chính nhà nước' },
  { id: 'ii_4_civil_service', title: 'Cải cách chế độ công vụ' },
  { id: 'ii_5_public_finance', title: 'Cải cách tài chính công' },
  { id: 'ii_6_digital_government', title: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số' },
] as const;

/** One section of an outline: its place, title and the generated paragraphs a new report has in it. */
export interface OutlineSection {
  id: string;
  /** The title as written (a top-level title is printed in upper case). */
  title: string;
  /** false prints the title without a number. */
  numbered?: boolean | undefined;
  /** A template may not drop it. */
  required?: boolean | undefined;
  /** The title is followed by the next period: "Phương hướng, nhiệm vụ quý II năm 2024". */
  namesNextPeriod?: boolean | undefined;
  /** The generated paragraphs a new report has in it. */
  generated?: GeneratedKey[] | undefined;
  children?: OutlineSection[] | undefined;
}

/**
 * The outline of DOMAIN.md, the default of every template: I. Công tác chỉ đạo, điều hành; II. Kết
 * quả thực hiện by the six areas (the one-stop paragraphs in II.2); III. Đánh giá chung; IV. Phương
 * hướng, nhiệm vụ; V. Kiến nghị, đề xuất. A template changes it with its `narrative` key (outline.ts).
 */
export const DEFAULT_OUTLINE: readonly OutlineSection[] = [
  { id: 'i_direction', title: 'Công tác chỉ đạo, điều hành', required: true },
  {
    id: 'ii_results',
    title: 'Kết quả thực hiện',
    required: true,
    children: REFORM_AREAS.map((area) => ({
      id: area.id,
      title: area.title,
      required: true,
      ...(area.id === 'ii_2_procedures' ? { generated: ['one_stop', 'one_stop_by_field'] as GeneratedKey[] } : {}),
    })),
  },
  {
    id: 'iii_assessment',
    title: 'Đánh giá chung',
    required: true,
    children: [
      { id: 'iii_1_strengths', title: 'Ưu điểm' },
      { id: 'iii_2_weaknesses', title: 'Tồn tại, hạn chế và nguyên nhân' },
    ],
  },
  { id: 'iv_tasks', title: 'Phương hướng, nhiệm vụ', required: true, namesNextPeriod: true },
  { id: 'v_proposals', title: 'Kiến nghị, đề xuất' },
];

/**
 * A section's title: for the section naming the next period, the title followed by that period
 * ("Phương hướng, nhiệm vụ quý II năm 2024"). `nextPeriodLabel` undefined means "not known here":
 * then `current` (the title the narrative has) is kept when it is this title followed by a period.
 */
export function outlineTitle(node: Pick<OutlineSection, 'title' | 'namesNextPeriod'>, nextPeriodLabel?: string | null, current?: string): string {
  const base = cleanText(node.title).trim();
  if (!node.namesNextPeriod) return base;
  if (nextPeriodLabel === undefined) return current !== undefined && (current === base || current.startsWith(`${base} `)) ? current : base;
  const next = nextPeriodLabel?.trim() ?? '';
  return next ? `${base} ${lowerFirst(next)}` : base;
}

/** Empty sections of an outline, with their generated paragraphs placed. */
export function outlineSections(outline: readonly OutlineSection[], nextPeriodLabel?: string | null): Section[] {
  return outline.map((node) => ({
    id: node.id,
    title: outlineTitle(node, nextPeriodLabel ?? null),
    ...(node.numbered === false ? { numbered: false } : {}),
    blocks: (node.generated ?? []).map(generated),
    ...(node.children?.length ? { children: outlineSections(node.children, nextPeriodLabel) } : {}),
  }));
}

/**
 * A new report's narrative: the outline (the default, or a template's: see templateOutline) with
 * empty free text, the one-stop paragraphs placed in II.2, and the usual opening and closing
 * sentences.
 */
export function defaultNarrative(options: OutlineOptions & { outline?: readonly OutlineSection[] | undefined }): Narrative {
  const period = lowerFirst(options.periodLabel.trim());
  const unit = options.unitName.trim();
  return {
    preamble: [paragraph(`${unit} báo cáo kết quả thực hiện công tác cải cách hành chính ${period} như sau:`)],
    sections: outlineSections(options.outline ?? DEFAULT_OUTLINE, options.nextPeriodLabel ?? null),
    closing: [paragraph(`Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính ${period} của ${unit}./.`)],
  };
}

/** Every section with its depth and number, in printed order. */
export function flattenSections(sections: Section[]): Array<{ section: Section; depth: number; heading: string }> {
  const out: Array<{ section: Section; depth: number; heading: string }> = [];
  const walk = (list: Section[], depth: number) => {
    let index = 0;
    for (const section of list) {
      const heading = sectionHeading(section, depth, index);
      if (section.numbered !== false) index += 1;
      out.push({ section, depth, heading });
      walk(section.children ?? [], depth + 1);
    }
  };
  walk(sections, 0);
  return out;
}
