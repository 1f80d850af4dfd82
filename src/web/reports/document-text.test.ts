import { describe, expect, it } from 'vitest';
import { blocksFromText } from '../../domain/narrative/narrative';
import { blocksToText, narrativeWithTexts, withFreeText } from './document-text';

describe('the narrative editor text', () => {
  it('reads back what it writes: paragraphs, lists, headings, bold and italic', () => {
    const text = 'Đoạn **đậm** và *nghiêng*.\n\n- một\n- hai\n\n# Tiêu đề nhỏ\n\nĐoạn cuối <&>';
    expect(blocksToText(blocksFromText(text))).toBe(text);
  });

  it('keeps the generated paragraphs of a section when its free text changes', () => {
    const blocks = [{ type: 'generated' as const, key: 'one_stop', text: 'x', edited: null }];
    const next = withFreeText(blocks, 'Mới');
    expect(next.map((b) => b.type)).toEqual(['paragraph', 'generated']);
  });

  it('puts the typed text into its section, children included, and leaves the others alone', () => {
    const narrative = {
      preamble: [],
      sections: [{ id: 'a', title: 'A', blocks: blocksFromText('cũ'), children: [{ id: 'b', title: 'B', blocks: [] }] }],
      closing: [],
    };
    const next = narrativeWithTexts(narrative, { b: 'Mới **đậm**' });
    expect(next.sections[0]!.blocks).toBe(narrative.sections[0]!.blocks);
    expect(next.sections[0]!.children![0]!.blocks).toEqual(blocksFromText('Mới **đậm**'));
  });
});
