import { describe, expect, it } from 'vitest';
import { compareInboxItems } from './inbox-order';
import type { InboxItem } from './timeliness';

const item = (periodId: string, deadline: string | null, unit = 'Xã Ba Bể', submittedAt: string | null = null): InboxItem => ({
  kind: 'due',
  unit: { id: 1, code: '01906', name: unit },
  templateId: 'mac-dinh-xa',
  templateTitle: 'Phụ lục',
  periodId,
  periodLabel: periodId,
  deadline,
  timeliness: null,
  reportId: null,
  status: null,
  comment: null,
  submittedAt,
});

describe('the order of the inbox', () => {
  it('puts the nearest deadline first, a passed one before all, lines without a deadline last', () => {
    const items = [item('2026', '2026-12-21'), item('2026-Q3', '2026-09-21'), item('2026-Q2', null), item('2026-Q4', '2026-12-21'), item('2026-H2', '2026-12-21')];
    expect(items.sort(compareInboxItems).map((i) => i.periodId)).toEqual(['2026-Q3', '2026-Q4', '2026-H2', '2026', '2026-Q2']);
  });

  it('breaks a tie by the earlier submission, then by the unit’s name', () => {
    const items = [item('2026-Q3', '2026-09-21', 'Xã Chợ Đồn', '2026-09-20T01:00:00Z'), item('2026-Q3', '2026-09-21', 'Xã Ba Bể', '2026-09-20T02:00:00Z'), item('2026-Q3', '2026-09-21', 'Xã Bằng Thành', '2026-09-20T01:00:00Z')];
    expect(items.sort(compareInboxItems).map((i) => i.unit.name)).toEqual(['Xã Bằng Thành', 'Xã Chợ Đồn', 'Xã Ba Bể']);
  });
});
