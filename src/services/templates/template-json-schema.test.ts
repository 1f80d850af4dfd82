import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateJsonSchema } from '../../domain/templates/template';

describe('docs/template.schema.json', () => {
  it('is the JSON Schema of the template format, in sync with the code (regenerate: cchc template schema > docs/template.schema.json)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../docs/template.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(templateJsonSchema())));
  });

  it('describes rows recursively with their kinds and sources', () => {
    const text = JSON.stringify(templateJsonSchema());
    for (const word of ['heading', 'percent', 'count_units', 'formula', 'metric', 'children', 'rules']) expect(text).toContain(word);
  });
});
