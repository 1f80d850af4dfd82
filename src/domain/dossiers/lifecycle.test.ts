import { describe, expect, it } from 'vitest';
import { allowedEvents, nextState, pauseIntervals } from './lifecycle';

describe('dossier lifecycle', () => {
  it('follows the one-stop steps', () => {
    expect(nextState('processing', 'supplement_requested')).toEqual({ state: 'awaiting_supplement' });
    expect(nextState('awaiting_supplement', 'supplement_provided')).toEqual({ state: 'processing' });
    expect(nextState('resolved', 'delivered')).toEqual({ state: 'delivered' });
    expect(allowedEvents('delivered')).toEqual([]);
  });

  it('explains a forbidden step in Vietnamese', () => {
    const result = nextState('delivered', 'resolved');
    expect(result).toEqual({ error: 'Hồ sơ đang ở trạng thái "Đã trả kết quả" nên không thể "Có kết quả giải quyết". Hồ sơ đã kết thúc.' });
    expect(nextState('paused', 'delivered')).toMatchObject({ error: expect.stringContaining('Có thể: "Tiếp tục giải quyết"') });
  });

  it('pairs pauses with their resumptions, leaving the last one open', () => {
    const events = [
      { kind: 'received', at: 'a' },
      { kind: 'supplement_requested', at: 'b' },
      { kind: 'supplement_provided', at: 'c' },
      { kind: 'paused', at: 'd' },
    ];
    expect(pauseIntervals(events)).toEqual([{ from: 'b', to: 'c' }, { from: 'd' }]);
  });
});
