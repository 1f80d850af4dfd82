import { describe, expect, it } from 'vitest';
import { richDocToText, textToRichDoc } from './rich-text';

describe('the narrative editor’s document', () => {
  it('reads paragraphs, bold and italic text, sub-headings and both levels of lists, and writes them back the same', () => {
    const text = [
      'Đã ban hành Kế hoạch số 08/KH-UBND về **cải cách hành chính** năm 2026.',
      '# Công tác tuyên truyền',
      '- Tuyên truyền trên loa truyền thanh *hằng tuần*;\n- Niêm yết tại bộ phận một cửa.',
      '+ 12 buổi;\n+ 3 hội nghị.',
      'Kết quả: ***đạt*** kế hoạch.',
    ].join('\n\n');
    const doc = textToRichDoc(text);
    expect(doc.content!.map((n) => n.type)).toEqual(['paragraph', 'heading', 'bulletList', 'paragraph']);
    const list = doc.content![2]!;
    expect(list.content!.at(-1)!.content!.map((n) => n.type)).toEqual(['paragraph', 'bulletList']);
    expect(doc.content![0]!.content).toEqual([
      { type: 'text', text: 'Đã ban hành Kế hoạch số 08/KH-UBND về ' },
      { type: 'text', text: 'cải cách hành chính', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' năm 2026.' },
    ]);
    expect(richDocToText(doc)).toBe(text);
  });

  it('keeps an empty section empty, and drops empty paragraphs and items the editor leaves', () => {
    expect(textToRichDoc('')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(richDocToText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
    const withBlanks = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Một' }] },
        { type: 'paragraph' },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hai', marks: [{ type: 'italic' }] }] }] }] },
      ],
    };
    expect(richDocToText(withBlanks)).toBe('Một\n\n- *Hai*');
  });

  it('splits a paragraph typed over several lines into one paragraph per line', () => {
    expect(richDocToText(textToRichDoc('Dòng một\nDòng hai'))).toBe('Dòng một\n\nDòng hai');
  });
});
