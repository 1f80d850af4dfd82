import { describe, expect, it } from 'vitest';
import { computeIndex, pointsOf, rankByTotal, scoreIndicator } from './compute';
import { loadProfile, ProfileError } from './load-profile';
import type { Profile } from './profile';

/** A small profile: progress (linear 20), online (threshold 50%, 12), satisfaction 0/0 rules, a province-only indicator. */
const TEXT = `
id: test
name: Thử
version: "1"
valid_from: "2025-01-01"
basis: thử nghiệm
manual_inputs:
  - { key: pub_ok, label: Công bố đúng hạn, unit: thủ tục }
  - { key: pub_all, label: Phải công bố, unit: thủ tục }
groups:
  - id: progress
    name: Tiến độ
    points: 20
    indicators:
      - id: progress
        name: Tiến độ
        points: 20
        kind: linear
        numerator: [resolved_on_time, pending_in_time]
        denominator: [resolved, pending]
        source: thử
        verified: true
  - id: online
    name: Trực tuyến
    points: 12
    indicators:
      - id: online_dossiers
        name: Hồ sơ trực tuyến
        points: 12
        kind: threshold
        threshold: 50
        numerator: [received_online_capable_online]
        denominator: [received_online_capable]
        source: thử
        verified: true
  - id: rest
    name: Còn lại
    points: 68
    indicators:
      - id: satisfaction
        name: Hài lòng
        points: 18
        kind: threshold
        threshold: 90
        numerator: [rated_satisfied]
        denominator: [rated]
        zero_denominator: full
        source: thử
        verified: true
      - id: published
        name: Công bố đúng hạn
        points: 50
        kind: linear
        numerator: [manual.pub_ok]
        denominator: [manual.pub_all]
        levels: [province]
        source: thử
        verified: false
`;
const profile: Profile = loadProfile(TEXT, 'test.yaml');

describe('pointsOf', () => {
  it('linear: max × rate', () => {
    expect(pointsOf('linear', 20, 45, 50)).toBe(18); // 90 % of 20
    expect(pointsOf('linear', 20, 1, 3)).toBe(6.67);
  });
  it('threshold: full points from the threshold, max × rate / threshold below it', () => {
    expect(pointsOf('threshold', 12, 5, 10, 50)).toBe(12); // exactly 50 %
    expect(pointsOf('threshold', 12, 9, 10, 50)).toBe(12);
    expect(pointsOf('threshold', 12, 2, 10, 50)).toBe(4.8); // 12 × 0,2 / 0,5
    expect(pointsOf('threshold', 8, 60, 100, 80)).toBe(6); // 8 × 0,6 / 0,8
  });
});

describe('computeIndex on hand-computed counts', () => {
  // A commune: 8 resolved (6 on time, 2 late — one of them for two supplement requests), 2 pending
  // (1 in time, 1 overdue): progress = 20 × (6 + 1) / (8 + 2) = 14. Online: 3 of 10 capable dossiers
  // were online, 30 % < 50 %: 12 × 0,3 / 0,5 = 7,2. No rating: 0/0 scores full (18). Publication does
  // not apply to a commune: excluded, so the maximum is 50 and the total is rescaled.
  const counts = {
    resolved: 8,
    resolved_on_time: 6,
    pending: 2,
    pending_in_time: 1,
    received_online_capable: 10,
    received_online_capable_online: 3,
    rated: 0,
    rated_satisfied: 0,
    'manual.pub_ok': 0,
    'manual.pub_all': 0,
  };
  const score = computeIndex(profile, 'commune', counts);
  const byId = new Map(score.groups.flatMap((g) => g.indicators).map((i) => [i.id, i]));

  it('recomputes each rate from its summed parts', () => {
    const progress = byId.get('progress')!;
    expect(progress.numerator).toBe(7);
    expect(progress.denominator).toBe(10);
    expect(progress.numeratorParts).toEqual([
      { metric: 'resolved_on_time', value: 6 },
      { metric: 'pending_in_time', value: 1 },
    ]);
    expect(progress.rate).toBe(70);
    expect(progress.points).toBe(14);
    expect(progress.lost).toBe(6);
  });

  it('threshold below its threshold', () => {
    expect(byId.get('online_dossiers')).toMatchObject({ rate: 30, points: 7.2, lost: 4.8, status: 'scored' });
  });

  it('0/0 follows the indicator rule, never a division', () => {
    expect(byId.get('satisfaction')).toMatchObject({ rate: null, points: 18, lost: 0, status: 'zero_denominator', rule: 'full' });
  });

  it('an indicator not for communes is excluded and the total is rescaled to 100', () => {
    expect(byId.get('published')).toMatchObject({ points: null, lost: 0, status: 'not_applicable', rule: 'excluded' });
    expect(score.earned).toBe(39.2); // 14 + 7,2 + 18
    expect(score.applicableMax).toBe(50);
    expect(score.rescaled).toBe(true);
    expect(score.total).toBe(78.4); // 100 × 39,2 / 50
  });

  it('the same indicator applies to a province', () => {
    const province = computeIndex(profile, 'province', { ...counts, 'manual.pub_ok': 3, 'manual.pub_all': 4 });
    const published = province.groups.flatMap((g) => g.indicators).find((i) => i.id === 'published')!;
    expect(published).toMatchObject({ rate: 75, points: 37.5, status: 'scored' });
    expect(province.rescaled).toBe(false);
    expect(province.total).toBe(76.7); // 14 + 7,2 + 18 + 37,5
  });

  it('a numerator above its denominator (manual inputs) scores nothing and says why', () => {
    const province = computeIndex(profile, 'province', { ...counts, 'manual.pub_ok': 5, 'manual.pub_all': 4 });
    const published = province.groups.flatMap((g) => g.indicators).find((i) => i.id === 'published')!;
    expect(published.status).toBe('inconsistent');
    expect(published.points).toBe(0);
    expect(published.explanation).toContain('mâu thuẫn');
  });

  it('0/0 with the default rule (excluded) leaves the index', () => {
    const indicator = profile.groups[1]!.indicators[0]!;
    expect(scoreIndicator(profile, 'online', indicator, 'commune', {})).toMatchObject({ status: 'zero_denominator', rule: 'excluded', points: null });
  });

  it('no indicator to score: no total', () => {
    const none = computeIndex({ ...profile, options: { ...profile.options, zero_denominator: 'excluded' } }, 'commune', {});
    // satisfaction keeps its own rule (full), so one indicator still counts
    expect(none.applicableMax).toBe(18);
    expect(none.total).toBe(100);
  });
});

describe('rankByTotal', () => {
  it('shares ranks on equal totals and puts units without a total last', () => {
    const items = [
      { name: 'A', total: 80 },
      { name: 'B', total: null },
      { name: 'C', total: 90 },
      { name: 'D', total: 80 },
      { name: 'E', total: 70 },
    ];
    const ranked = rankByTotal(items, (i) => i.total, (a, b) => a.name.localeCompare(b.name));
    expect(ranked.map((r) => [r.item.name, r.rank])).toEqual([
      ['C', 1],
      ['A', 2],
      ['D', 2],
      ['E', 4],
      ['B', null],
    ]);
  });
});

describe('loadProfile', () => {
  const broken = (text: string) => {
    try {
      loadProfile(text, 'x.yaml');
    } catch (error) {
      return (error as ProfileError).issues;
    }
    throw new Error('expected a ProfileError');
  };

  it('names the line of a group whose indicators do not add up, of an unknown metric, of groups not adding to 100', () => {
    const issues = broken(TEXT.replace('points: 12\n    indicators', 'points: 13\n    indicators').replace('[rated_satisfied]', '[rated_happy]'));
    const messages = issues.map((i) => `${i.line}: ${i.message}`);
    const line = TEXT.split('\n').findIndex((l) => l.includes('points: 12')) + 1;
    expect(messages).toContain(`${line}: nhóm "online" có 13 điểm nhưng các chỉ số cộng lại 12 điểm.`);
    expect(messages.some((m) => m.includes('không có số liệu "rated_happy"'))).toBe(true);
    expect(messages.some((m) => m.includes('phải là 100'))).toBe(true);
  });

  it('refuses a threshold indicator without its threshold', () => {
    expect(broken(TEXT.replace('        threshold: 50\n', '')).some((i) => i.message.includes('cần ngưỡng'))).toBe(true);
  });

  it('refuses an undeclared manual input', () => {
    expect(broken(TEXT.replace('[manual.pub_ok]', '[manual.nope]')).some((i) => i.message.includes('"manual.nope" chưa khai báo'))).toBe(true);
  });

  it('reports YAML syntax errors with their line', () => {
    const issues = broken('id: x\n  bad: [');
    expect(issues[0]!.message).toContain('cú pháp YAML');
    expect(issues[0]!.line).toBeGreaterThan(0);
  });
});
