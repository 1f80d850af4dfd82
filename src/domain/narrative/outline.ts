import type { TemplateNarrative } from '../templates/template';
import { DEFAULT_OUTLINE, generated, outlineTitle, runsText, type Block, type Narrative, type OutlineSection, type Section } from './narrative';

/**
 * A template's outline of the narrative: the default outline (DEFAULT_OUTLINE) changed by the
 * template's `narrative` key — sections dropped (only optional ones), added (after, before or under
 * an existing section), renamed (by their stable ids). Then a report's narrative, saved or carried
 * over, is laid out on it: titles and order from the template, text from the narrative.
 */

export interface OutlineIssue {
  /** Path inside the template's `narrative` key: ['add', 0, 'after']. */
  path: Array<string | number>;
  message: string;
}

/** How deep an outline goes: I., 1., a). */
export const OUTLINE_DEPTH = 3;

interface Located {
  list: OutlineSection[];
  index: number;
  node: OutlineSection;
  depth: number;
}

function clone(list: readonly OutlineSection[]): OutlineSection[] {
  return list.map((node) => ({ ...node, ...(node.children ? { children: clone(node.children) } : {}) }));
}

function locate(list: OutlineSection[], id: string, depth = 0): Located | null {
  for (let index = 0; index < list.length; index++) {
    const node = list[index]!;
    if (node.id === id) return { list, index, node, depth };
    const inner = node.children ? locate(node.children, id, depth + 1) : null;
    if (inner) return inner;
  }
  return null;
}

function ids(list: readonly OutlineSection[]): string[] {
  return list.flatMap((node) => [node.id, ...ids(node.children ?? [])]);
}

const OPTIONAL = ids(DEFAULT_OUTLINE).filter((id) => !locate(clone(DEFAULT_OUTLINE), id)!.node.required);

/**
 * The outline a template asks for, with every problem of its `narrative` key (unknown or dropped
 * sections, a required section dropped, an id used twice, a position missing or ambiguous, a fourth
 * level). Problems leave the outline as it was at that step.
 */
export function resolveOutline(spec: TemplateNarrative | undefined): { outline: OutlineSection[]; issues: OutlineIssue[] } {
  const outline = clone(DEFAULT_OUTLINE);
  const issues: OutlineIssue[] = [];
  if (!spec) return { outline, issues };
  const dropped = new Set<string>();
  const known = () => ids(outline).join(', ');
  const missing = (id: string) =>
    dropped.has(id) ? `mục "${id}" đã bị bỏ (drop).` : `không có mục "${id}" trong dàn ý báo cáo (có: ${known()}).`;

  (spec.drop ?? []).forEach((id, index) => {
    const at = locate(outline, id);
    if (!at) issues.push({ path: ['drop', index], message: missing(id) });
    else if (at.node.required) {
      issues.push({
        path: ['drop', index],
        message: `mục "${id}" (${at.node.title}) là mục bắt buộc, không bỏ được; chỉ bỏ được: ${OPTIONAL.join(', ')}.`,
      });
    } else {
      at.list.splice(at.index, 1);
      for (const gone of ids([at.node])) dropped.add(gone);
    }
  });

  (spec.add ?? []).forEach((added, index) => {
    const positions = (['after', 'before', 'under'] as const).filter((key) => added[key] !== undefined);
    if (positions.length !== 1) {
      issues.push({
        path: ['add', index],
        message: `mục thêm "${added.id}" cần đúng một vị trí: after (ngay sau mục), before (ngay trước mục) hoặc under (trong mục).`,
      });
      return;
    }
    if (locate(outline, added.id) || dropped.has(added.id)) {
      issues.push({ path: ['add', index, 'id'], message: `mã mục "${added.id}" đã có trong dàn ý báo cáo.` });
      return;
    }
    const key = positions[0]!;
    const reference = added[key]!;
    const at = locate(outline, reference);
    if (!at) {
      issues.push({ path: ['add', index, key], message: missing(reference) });
      return;
    }
    const node: OutlineSection = { id: added.id, title: added.title.trim(), ...(added.numbered === false ? { numbered: false } : {}) };
    if (key === 'under') {
      if (at.depth + 1 >= OUTLINE_DEPTH) {
        issues.push({ path: ['add', index, key], message: `dàn ý có ba cấp (I., 1., a)): không thêm được mục con vào mục "${reference}".` });
        return;
      }
      at.node.children = [...(at.node.children ?? []), node];
    } else {
      at.list.splice(key === 'after' ? at.index + 1 : at.index, 0, node);
    }
  });

  for (const [id, title] of Object.entries(spec.rename ?? {})) {
    const at = locate(outline, id);
    if (!at) issues.push({ path: ['rename', id], message: missing(id) });
    else at.node.title = title.trim();
  }
  return { outline, issues };
}

/** The outline of a template (its problems are reported when the template loads). */
export function templateOutline(template: { narrative?: TemplateNarrative | undefined } | null | undefined): OutlineSection[] {
  return resolveOutline(template?.narrative).outline;
}

/** Every section id of an outline. */
export function outlineIds(outline: readonly OutlineSection[]): Set<string> {
  return new Set(ids(outline));
}

/** Text the official wrote: an empty section holds nothing to lose. */
export function hasWrittenText(blocks: Block[]): boolean {
  return blocks.some((block) => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return runsText(block.runs).trim() !== '';
      case 'bullets':
        return block.items.some((item) => runsText(item).trim() !== '');
      case 'generated':
        return block.edited !== null && block.edited.text.trim() !== '';
    }
  });
}

/**
 * A narrative laid out on an outline: the outline's sections in its order and with its titles, each
 * with the narrative's blocks of the same id (a section the narrative lacks starts empty, with its
 * generated paragraphs). A section of the narrative that is no longer in the outline is kept where it
 * was — after the section it followed — when it holds written text, so nothing typed is lost; an empty
 * one is left out. `nextPeriodLabel`: see outlineTitle.
 */
export function applyOutline(narrative: Narrative, outline: readonly OutlineSection[], options: { nextPeriodLabel?: string | null | undefined } = {}): Narrative {
  const stored = new Map<string, Section>();
  const walk = (list: Section[]) => {
    for (const section of list) {
      if (!stored.has(section.id)) stored.set(section.id, section);
      walk(section.children ?? []);
    }
  };
  walk(narrative.sections);
  const inOutline = outlineIds(outline);
  const placed = new Map<string, Section>();

  const build = (nodes: readonly OutlineSection[]): Section[] =>
    nodes.map((node) => {
      const old = stored.get(node.id);
      const children = build(node.children ?? []);
      const section: Section = {
        id: node.id,
        title: outlineTitle(node, options.nextPeriodLabel, old?.title),
        ...(node.numbered === false ? { numbered: false } : {}),
        blocks: old ? old.blocks : (node.generated ?? []).map(generated),
        ...(children.length ? { children } : {}),
      };
      placed.set(node.id, section);
      return section;
    });
  const sections = build(outline);

  // A section that left the outline, with its own sections that left it too; null when all empty.
  const kept = (section: Section): Section | null => {
    const children = (section.children ?? []).filter((c) => !inOutline.has(c.id)).map(kept).filter((c): c is Section => c !== null);
    if (children.length === 0 && !hasWrittenText(section.blocks)) return null;
    const { children: _children, ...rest } = section;
    return children.length ? { ...rest, children } : rest;
  };
  const placeOrphans = (list: Section[], parentId: string | null) => {
    list.forEach((section, index) => {
      if (inOutline.has(section.id)) {
        placeOrphans(section.children ?? [], section.id);
        return;
      }
      if (parentId !== null && !inOutline.has(parentId)) return;
      const orphan = kept(section);
      if (orphan) {
        const parent = parentId === null ? null : placed.get(parentId)!;
        const target = parent ? (parent.children ??= []) : sections;
        let at = 0;
        for (let before = index - 1; before >= 0; before--) {
          const found = target.findIndex((s) => s.id === list[before]!.id);
          if (found >= 0) {
            at = found + 1;
            break;
          }
        }
        target.splice(at, 0, orphan);
      }
      // Sections of the outline inside it, and their own orphans, were laid out by the outline.
      placeOrphansBelow(section);
    });
  };
  const placeOrphansBelow = (section: Section) => {
    for (const child of section.children ?? []) {
      if (inOutline.has(child.id)) placeOrphans(child.children ?? [], child.id);
      else placeOrphansBelow(child);
    }
  };
  placeOrphans(narrative.sections, null);
  return { ...narrative, sections };
}
