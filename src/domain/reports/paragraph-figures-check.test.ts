import { describe, expect, it } from 'vitest';
import { defaultNarrative, editGenerated, type Block } from '../narrative/narrative';
import { figureChanges, figuresIn, outdatedMessage, outdatedParagraphs } from './paragraph-figures-check';

describe('figures of a generated paragraph', () => {
  it('reads figures as the paragraphs print them', () => {
    expect(figuresIn('tiếp nhận 1.224 hồ sơ, đạt 95,25%; 15 hồ sơ')).toEqual(['1.224', '95,25%', '15']);
  });

  it('pairs the figure that changed, anchored on those that did not', () => {
    expect(figureChanges('tiếp nhận 15 hồ sơ, giải quyết 12 hồ sơ', 'tiếp nhận 16 hồ sơ, giải quyết 12 hồ sơ')).toEqual(['15 → 16']);
    expect(figureChanges('từ 01/01 tiếp nhận 15 hồ sơ, trực tiếp 10, trực tuyến 5. Giải quyết 12', 'từ 01/01 tiếp nhận 16 hồ sơ. Giải quyết 12')).toEqual([
      '15 → 16',
      'và 2 số liệu khác',
    ]);
    expect(figureChanges('12 hồ sơ', '12 hồ sơ')).toEqual([]);
  });
});

describe('outdatedParagraphs', () => {
  it('finds an edited generated paragraph whose figures changed, and names its section and the change', () => {
    const narrative = defaultNarrative({ unitName: 'UBND xã Ba Bể', periodLabel: 'Quý I năm 2026', nextPeriodLabel: 'Quý II năm 2026' });
    const ii2 = narrative.sections[1]!.children!.find((s) => s.id === 'ii_2_procedures')!;
    const index = ii2.blocks.findIndex((b) => b.type === 'generated' && b.key === 'one_stop');
    const block = { ...(ii2.blocks[index] as Extract<Block, { type: 'generated' }>), text: 'Tiếp nhận 15 hồ sơ.' };
    ii2.blocks[index] = editGenerated(block, 'Tiếp nhận 15 hồ sơ, đều đúng hạn.');
    expect(outdatedParagraphs(narrative)).toEqual([]);
    ii2.blocks[index] = { ...(ii2.blocks[index] as Extract<Block, { type: 'generated' }>), text: 'Tiếp nhận 16 hồ sơ.' };
    const found = outdatedParagraphs(narrative);
    expect(found).toEqual([{ sectionId: 'ii_2_procedures', sectionLabel: 'II.2. Cải cách thủ tục hành chính', key: 'one_stop', changes: ['15 → 16'] }]);
    expect(outdatedMessage(found[0]!)).toBe(
      'Đoạn văn sinh từ số liệu ở mục II.2. Cải cách thủ tục hành chính đã sửa tay nhưng số liệu đã thay đổi (15 → 16): dùng lại đoạn tự sinh hoặc sửa lại theo số liệu mới.',
    );
  });
});
