import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplate } from '../../domain/templates/load-template';
import type { Template } from '../../domain/templates/template';

/** The shipped forms: `templates/<id>.yaml` at the repository root. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

export function loadTemplateFile(path: string): Template {
  return loadTemplate(readFileSync(path, 'utf8'), path.startsWith(TEMPLATES_DIR) ? `templates/${basename(path)}` : path);
}

/** Every shipped template, by id; throws on the first broken file with its line numbers. */
export function loadShippedTemplates(dir = TEMPLATES_DIR): Map<string, Template> {
  const templates = new Map<string, Template>();
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const template = loadTemplateFile(join(dir, name));
    templates.set(template.id, template);
  }
  return templates;
}
