import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { MANUAL_PREFIX, metricKind } from './metrics';
import { ProfileSchema, type Profile } from './profile';

export interface ProfileIssue {
  file: string;
  line?: number;
  path: string;
  message: string;
}

export class ProfileError extends Error {
  constructor(readonly issues: ProfileIssue[]) {
    super(
      [
        `Bộ tiêu chí Chỉ số 766 không hợp lệ (${issues.length} lỗi):`,
        ...issues.slice(0, 30).map((i) => `${i.file}${i.line ? `, dòng ${i.line}` : ''}${i.path ? ` (${i.path})` : ''}: ${i.message}`),
      ].join('\n'),
    );
    this.name = 'ProfileError';
  }
}

function lineOf(doc: Document, counter: LineCounter, path: Array<string | number>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/**
 * Reads a scoring profile: YAML syntax, then the shape (zod), then the meaning — unique ids, a
 * group's points equal to the sum of its indicators', groups adding up to 100, metrics that exist,
 * manual inputs that are declared. Every problem names the file and the line.
 */
export function loadProfile(text: string, file: string): Profile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ProfileError(
      doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line, path: '', message: `lỗi cú pháp YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` })),
    );
  }
  const parsed = ProfileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new ProfileError(
      parsed.error.issues.map((issue) => ({
        file,
        line: lineOf(doc, counter, issue.path as Array<string | number>),
        path: issue.path.join('.'),
        message: issue.message,
      })),
    );
  }
  const profile = parsed.data;
  const issues: ProfileIssue[] = [];
  const at = (path: Array<string | number>, message: string) => issues.push({ file, line: lineOf(doc, counter, path), path: path.join('.'), message });

  if (profile.valid_to && profile.valid_to < profile.valid_from) at(['valid_to'], 'ngày kết thúc áp dụng phải sau ngày bắt đầu.');
  const manualKeys = new Set<string>();
  profile.manual_inputs.forEach((input, i) => {
    if (manualKeys.has(input.key)) at(['manual_inputs', i, 'key'], `số liệu nhập tay "${input.key}" bị trùng.`);
    manualKeys.add(input.key);
  });
  const groupIds = new Set<string>();
  const ids = new Set<string>();
  let total = 0;
  profile.groups.forEach((group, g) => {
    if (groupIds.has(group.id)) at(['groups', g, 'id'], `mã nhóm "${group.id}" bị trùng.`);
    groupIds.add(group.id);
    total += group.points;
    let sum = 0;
    group.indicators.forEach((indicator, i) => {
      const path = ['groups', g, 'indicators', i];
      if (ids.has(indicator.id)) at([...path, 'id'], `mã chỉ số "${indicator.id}" bị trùng.`);
      ids.add(indicator.id);
      sum += indicator.points;
      for (const side of ['numerator', 'denominator'] as const) {
        indicator[side].forEach((name, m) => {
          const kind = metricKind(name);
          if (kind === null) at([...path, side, m], `không có số liệu "${name}" (xem docs/index-766.md).`);
          else if (kind === 'manual' && !manualKeys.has(name.slice(MANUAL_PREFIX.length))) {
            at([...path, side, m], `số liệu nhập tay "${name}" chưa khai báo trong manual_inputs.`);
          }
        });
      }
    });
    if (!near(sum, group.points)) {
      at(['groups', g, 'points'], `nhóm "${group.id}" có ${group.points} điểm nhưng các chỉ số cộng lại ${Math.round(sum * 1000) / 1000} điểm.`);
    }
  });
  if (!near(total, 100)) at(['groups'], `các nhóm cộng lại ${Math.round(total * 1000) / 1000} điểm, phải là 100.`);
  if (issues.length > 0) throw new ProfileError(issues);
  return profile;
}
