import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTemplate, TemplateError } from '../../domain/templates/load-template';

const example = readFileSync(new URL('../../../docs/templates.md', import.meta.url), 'utf8').split('```yaml\n').at(-1)!.split('```')[0]!;

function issuesOf(text: string) {
  try {
    loadTemplate(text, 'bieu-mau.yaml');
  } catch (error) {
    if (error instanceof TemplateError) return error.issues;
    throw error;
  }
  throw new Error('expected the template to be rejected');
}

describe('loadTemplate', () => {
  it('loads the documented example with rows in printed order', () => {
    const template = loadTemplate(example, 'docs/templates.md');
    expect(template.rows.map((r) => r.id)).toEqual(['r_1', 'r_1_1', 'r_1_1_a', 'r_1_1_b', 'r_1_2', 'r_3', 'r_3_1', 'r_3_1_a', 'r_3_1_b']);
    expect(template.byId.get('r_1_1_a')).toMatchObject({ depth: 2, parentId: 'r_1_1', isPart: true });
    expect(template.byId.get('r_1_2')).toMatchObject({ isPart: false, legend: { '0': 'Trực tuyến' } });
    expect(template.cutoff).toBe('nd09');
  });

  it('names the line of a YAML syntax error', () => {
    expect(issuesOf('id: x\nrows: [\n')[0]).toMatchObject({ file: 'bieu-mau.yaml', message: expect.stringMatching(/cú pháp YAML/) });
  });

  it('names the line and path of a shape error', () => {
    const broken = example.replace('kind: percent', 'kind: phantram');
    const issue = issuesOf(broken)[0]!;
    expect(issue.path).toBe('rows.0.children.0.kind');
    expect(issue.line).toBe(broken.split('\n').findIndex((l) => l.includes('kind: phantram')) + 1);
  });

  it('catches meaning errors: unknown rows in formulas, unknown metrics, duplicate ids, enums without legend', () => {
    const issues = issuesOf(
      example
        .replace('r_3_1_b / r_3_1_a * 100', 'r_3_1_b / r_3_1_x * 100')
        .replace('metric: resolved.total', 'metric: resolved.everything')
        .replace('id: r_1_2', 'id: r_1_1')
        .replace('legend: { "0": Trực tuyến, "1": Phát phiếu, "2": Kết hợp }', ''),
    );
    const messages = issues.map((i) => i.message);
    expect(messages).toContain('công thức dùng dòng "r_3_1_x" không có trong biểu mẫu.');
    expect(messages).toContain('không có số liệu "resolved.everything" (xem docs/metrics.md).');
    expect(messages).toContain('mã dòng "r_1_1" bị trùng.');
    expect(messages.some((m) => m.includes('cần chú giải các giá trị'))).toBe(true);
    expect(issues.every((i) => typeof i.line === 'number')).toBe(true);
  });
});
