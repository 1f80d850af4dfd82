import { describe, expect, it } from 'vitest';
import { rate, type DossierStats } from '../dossiers/metrics';
import { computeReportValues, type ReportValue } from '../reports/report-values';
import { loadTemplate } from '../templates/load-template';
import { figuresOfStats, oneStopByFieldSentence, oneStopFiguresFromValues, oneStopParagraph, paragraphFigures, type FieldStats, type OneStopFigures } from './one-stop';

/** Figures that add up: 36 carried over + 1.224 received = 1.260 = 1.180 resolved + 15 returned + 5 withdrawn + 60 pending. */
const quarter: OneStopFigures = {
  received: { carried_over: 36, in_period: 1224, direct: 800, online: 400, postal: 24, online_full: 150, online_partial: 250, total: 1260 },
  resolved: { total: 1180, early: 900, on_time: 224, late: 56 },
  pending: { total: 60, in_time: 55, overdue: 5, paused: 3 },
  returned: 15,
  withdrawn: 5,
  rates: { on_time_pct: rate(1124, 1180) },
};

const figures = (patch: {
  received?: Partial<OneStopFigures['received']>;
  resolved?: Partial<OneStopFigures['resolved']>;
  pending?: Partial<OneStopFigures['pending']>;
  returned?: number;
  withdrawn?: number;
}): OneStopFigures => {
  const received = { ...quarter.received, ...patch.received };
  const resolved = { ...quarter.resolved, ...patch.resolved };
  return {
    received,
    resolved,
    pending: { ...quarter.pending, ...patch.pending },
    returned: patch.returned ?? quarter.returned,
    withdrawn: patch.withdrawn ?? quarter.withdrawn,
    rates: { on_time_pct: rate(resolved.early + resolved.on_time, resolved.total) },
  };
};

describe('oneStopParagraph', () => {
  it('states every figure of a busy quarter in vi-VN numbers', () => {
    expect(oneStopParagraph(quarter, { from: '2023-12-15', to: '2024-03-14' }, 'UBND xã Thịnh Đức')).toBe(
      'Trong kỳ báo cáo (từ ngày 15/12/2023 đến ngày 14/03/2024), UBND xã Thịnh Đức tiếp nhận 1.224 hồ sơ thủ tục hành chính, ' +
        'trong đó: trực tiếp 800 hồ sơ, trực tuyến 400 hồ sơ (toàn trình 150 hồ sơ, một phần 250 hồ sơ), ' +
        'qua dịch vụ bưu chính công ích 24 hồ sơ; số hồ sơ tồn kỳ trước chuyển sang là 36 hồ sơ; ' +
        'tổng số hồ sơ phải giải quyết là 1.260 hồ sơ. ' +
        'Đã giải quyết xong 1.180 hồ sơ, trong đó giải quyết trước hạn 900 hồ sơ, đúng hạn 224 hồ sơ, quá hạn 56 hồ sơ; ' +
        'số hồ sơ giải quyết đúng hạn (kể cả trước hạn) là 1.124 hồ sơ (đạt 95,25%). ' +
        'Đang giải quyết 60 hồ sơ, trong đó còn trong hạn 55 hồ sơ, đã quá hạn 5 hồ sơ; ' +
        'có 3 hồ sơ đang tạm dừng, chờ bổ sung, hoàn thiện. ' +
        'Trả lại 15 hồ sơ do không đủ điều kiện giải quyết; tổ chức, cá nhân xin rút 5 hồ sơ.',
    );
  });

  it('says "không có" rather than listing zeros (seed 003: 602 received, all on time)', () => {
    const q2 = figures({
      received: { carried_over: 0, in_period: 602, direct: 255, online: 347, postal: 0, online_full: 0, online_partial: 347, total: 602 },
      resolved: { total: 602, early: 0, on_time: 602, late: 0 },
      pending: { total: 0, in_time: 0, overdue: 0, paused: 0 },
      returned: 0,
      withdrawn: 0,
    });
    expect(oneStopParagraph(q2, { from: '2023-03-15', to: '2023-06-14' }, 'UBND xã Hoằng Lưu')).toBe(
      'Trong kỳ báo cáo (từ ngày 15/03/2023 đến ngày 14/06/2023), UBND xã Hoằng Lưu tiếp nhận 602 hồ sơ thủ tục hành chính, ' +
        'trong đó: trực tiếp 255 hồ sơ, trực tuyến 347 hồ sơ (đều là dịch vụ công trực tuyến một phần); ' +
        'không có hồ sơ tồn kỳ trước chuyển sang. ' +
        'Đã giải quyết xong 602 hồ sơ, không có hồ sơ quá hạn (tỷ lệ giải quyết đúng hạn đạt 100%). ' +
        'Không có hồ sơ đang giải quyết.',
    );
  });

  it('handles one channel, early and on time without late, all pending overdue, withdrawals only', () => {
    const online = figures({
      received: { carried_over: 2, in_period: 9, direct: 0, online: 9, postal: 0, online_full: 6, online_partial: 3, total: 11 },
      resolved: { total: 8, early: 5, on_time: 3, late: 0 },
      pending: { total: 2, in_time: 0, overdue: 2, paused: 0 },
      returned: 0,
      withdrawn: 1,
    });
    expect(oneStopParagraph(online, { from: '2024-06-15', to: '2024-09-14' }, 'UBND phường Phan Đình Phùng')).toBe(
      'Trong kỳ báo cáo (từ ngày 15/06/2024 đến ngày 14/09/2024), UBND phường Phan Đình Phùng tiếp nhận 9 hồ sơ thủ tục hành chính, ' +
        'toàn bộ tiếp nhận trực tuyến (toàn trình 6 hồ sơ, một phần 3 hồ sơ); ' +
        'số hồ sơ tồn kỳ trước chuyển sang là 2 hồ sơ; tổng số hồ sơ phải giải quyết là 11 hồ sơ. ' +
        'Đã giải quyết xong 8 hồ sơ, trong đó trước hạn 5 hồ sơ, đúng hạn 3 hồ sơ, không có hồ sơ quá hạn (tỷ lệ giải quyết đúng hạn đạt 100%). ' +
        'Đang giải quyết 2 hồ sơ, tất cả đã quá hạn. ' +
        'Tổ chức, cá nhân xin rút 1 hồ sơ.',
    );
  });

  it('writes a quiet period without a window', () => {
    const quiet = figures({
      received: { carried_over: 0, in_period: 0, direct: 0, online: 0, postal: 0, online_full: 0, online_partial: 0, total: 0 },
      resolved: { total: 0, early: 0, on_time: 0, late: 0 },
      pending: { total: 0, in_time: 0, overdue: 0, paused: 0 },
      returned: 3,
      withdrawn: 0,
    });
    expect(oneStopParagraph(quiet, null, 'UBND xã Lê Hồng')).toBe(
      'Trong kỳ báo cáo, UBND xã Lê Hồng không tiếp nhận hồ sơ thủ tục hành chính nào; không có hồ sơ tồn kỳ trước chuyển sang. ' +
        'Trong kỳ chưa có hồ sơ được giải quyết xong. Không có hồ sơ đang giải quyết. ' +
        'Trả lại 3 hồ sơ do không đủ điều kiện giải quyết.',
    );
  });

  it('writes late dossiers without early ones, and pending all in time', () => {
    const late = figures({
      resolved: { total: 519, early: 0, on_time: 509, late: 10 },
      pending: { total: 4, in_time: 4, overdue: 0, paused: 0 },
      returned: 0,
      withdrawn: 0,
    });
    const text = oneStopParagraph(late, { from: '2021-12-10', to: '2022-06-09' }, 'UBND xã Lê Hồng');
    expect(text).toContain(
      'Đã giải quyết xong 519 hồ sơ, trong đó giải quyết đúng hạn 509 hồ sơ, quá hạn 10 hồ sơ; ' +
        'số hồ sơ giải quyết đúng hạn (kể cả trước hạn) là 509 hồ sơ (đạt 98,07%).',
    );
    expect(text).toContain('Đang giải quyết 4 hồ sơ, tất cả còn trong hạn.');
    expect(text.endsWith('tất cả còn trong hạn.')).toBe(true);
  });
});

describe('oneStopByFieldSentence', () => {
  const field = (label: string, received: number, early: number, onTime: number, late: number, pending = 0): FieldStats => ({
    label,
    stats: {
      received: { carried_over: 0, in_period: received, direct: received, online: 0, postal: 0, online_full: 0, online_partial: 0, total: received },
      resolved: { total: early + onTime + late, early, on_time: onTime, late },
      pending: { total: pending, in_time: pending, overdue: 0, paused: 0 },
    },
  });
  const groups = [
    field('Chứng thực', 400, 0, 400, 0),
    field('Nội vụ', 0, 0, 0, 0),
    field('Bảo trợ xã hội', 0, 0, 5, 0),
    field('Hộ tịch', 600, 500, 80, 10),
    field('Đất đai', 24, 0, 0, 0, 24),
  ];

  it('lists the busiest fields first and leaves out fields without dossiers', () => {
    expect(oneStopByFieldSentence(groups)).toBe(
      'Phân theo lĩnh vực: Hộ tịch tiếp nhận 600 hồ sơ, giải quyết xong 590 hồ sơ (đúng hạn đạt 98,31%); ' +
        'Chứng thực tiếp nhận 400 hồ sơ, giải quyết xong 400 hồ sơ (đúng hạn đạt 100%); ' +
        'Đất đai tiếp nhận 24 hồ sơ, chưa có hồ sơ giải quyết xong; ' +
        'Bảo trợ xã hội không tiếp nhận hồ sơ mới, giải quyết xong 5 hồ sơ (đúng hạn đạt 100%).',
    );
  });

  it('sums the fields beyond the limit and recomputes their rate from the sums', () => {
    const sentence = oneStopByFieldSentence([field('A', 10, 0, 10, 0), field('B', 8, 0, 4, 4), field('C', 7, 0, 0, 2)], { limit: 2 });
    // B and C: 4 on time of 10 resolved = 40 % (the average of 50 % and 0 % would say 25 %).
    expect(sentence).toBe(
      'Phân theo lĩnh vực: A tiếp nhận 10 hồ sơ, giải quyết xong 10 hồ sơ (đúng hạn đạt 100%); ' +
        '2 lĩnh vực khác tiếp nhận 15 hồ sơ, giải quyết xong 10 hồ sơ (đúng hạn đạt 40%).',
    );
  });

  it('is null when no field had a dossier', () => {
    expect(oneStopByFieldSentence([field('Nội vụ', 0, 0, 0, 0)])).toBeNull();
    expect(oneStopByFieldSentence([])).toBeNull();
  });
});

describe('oneStopFiguresFromValues', () => {
  const template = loadTemplate(
    `
id: thu
version: "1"
title: Thử
issuer: Thử
levels: [commune]
periods: [quarter]
rows:
  - { id: a, label: Tồn, kind: count, concept: onestop.carried_over, source: { metric: received.carried_over } }
  - { id: b, label: Tiếp nhận, kind: count, concept: onestop.received, source: { metric: received.in_period } }
  - { id: c, label: Trực tiếp, kind: count, concept: onestop.received_direct, source: { metric: received.direct } }
  - { id: d, label: Trực tuyến, kind: count, concept: onestop.received_online, source: { metric: received.online } }
  - { id: e, label: BCCI, kind: count, concept: onestop.received_postal, source: { metric: received.postal } }
  - { id: f, label: Toàn trình, kind: count, concept: onestop.received_online_full, source: { metric: received.online_full } }
  - { id: g, label: Một phần, kind: count, concept: onestop.received_online_partial, source: { metric: received.online_partial } }
  - { id: h, label: Đã giải quyết, kind: count, concept: onestop.resolved_total, source: { metric: resolved.total } }
  - { id: i, label: Trước hạn, kind: count, concept: onestop.resolved_early, source: { metric: resolved.early } }
  - { id: j, label: Đúng ngày, kind: count, concept: onestop.resolved_on_due_day, source: { metric: resolved.on_time } }
  - { id: k, label: Quá hạn, kind: count, concept: onestop.resolved_late, source: { metric: resolved.late } }
  - { id: l, label: Đang giải quyết, kind: count, concept: onestop.pending, source: { metric: pending.total } }
  - { id: m, label: Trong hạn, kind: count, concept: onestop.pending_in_time, source: { metric: pending.in_time } }
  - { id: n, label: Quá hạn, kind: count, concept: onestop.pending_overdue, source: { metric: pending.overdue } }
  - { id: o, label: Tạm dừng, kind: count, concept: onestop.pending_paused, source: { metric: pending.paused } }
  - { id: p, label: Trả lại, kind: count, concept: onestop.returned, source: { metric: returned } }
  - { id: q, label: Rút, kind: count, concept: onestop.withdrawn, source: { metric: withdrawn } }
`,
    'thu.yaml',
  );
  const zero = rate(0, 0);
  const stats: DossierStats = {
    ...quarter,
    digitized: { input: 0, output: 0 },
    payment: { with_fee: 0, online: 0 },
    rating: { total: 0, very_satisfied: 0, satisfied: 0, unsatisfied: 0 },
    rates: {
      on_time_pct: quarter.rates.on_time_pct,
      late_pct: rate(56, 1180),
      online_pct: rate(400, 1224),
      online_full_pct: zero,
      digitized_input_pct: zero,
      digitized_output_pct: zero,
      payment_online_pct: zero,
      satisfaction_pct: zero,
    },
  };
  const values = computeReportValues(template, { period: stats, cumulative: null }, new Map());

  it('reads the figures the report states, so the paragraph matches the appendix', () => {
    const read = oneStopFiguresFromValues(template, values);
    // No row of this form gives "on time, early included" as one figure: the paragraph adds its parts.
    const expected = figuresOfStats(quarter);
    expect(read).toEqual({ ...expected, resolved: { ...expected.resolved, on_time_all: null } });
  });

  it('follows an override: the corrected figure and its rate', () => {
    const corrected = new Map<string, ReportValue>(values);
    corrected.set('k', { value: 50, provenance: 'overridden', computed: 56, reason: 'Sửa theo sổ theo dõi' });
    corrected.set('h', { value: 1174, provenance: 'overridden', computed: 1180, reason: 'Sửa theo sổ theo dõi' });
    const text = oneStopParagraph(oneStopFiguresFromValues(template, corrected)!, null, 'UBND xã Thịnh Đức');
    expect(text).toContain('quá hạn 50 hồ sơ; số hồ sơ giải quyết đúng hạn (kể cả trước hạn) là 1.124 hồ sơ (đạt 95,74%).');
  });

  it('leaves out a figure whose row is blank, and never takes it from the statistics', () => {
    const partial = new Map(values);
    partial.set('c', { value: null, provenance: 'entered', computed: null, reason: null });
    const text = oneStopParagraph(paragraphFigures(template, partial, stats)!.figures, null, 'UBND xã Thịnh Đức');
    expect(text).toContain('tiếp nhận 1.224 hồ sơ thủ tục hành chính, trong đó: trực tuyến 400 hồ sơ (toàn trình 150 hồ sơ, một phần 250 hồ sơ), qua dịch vụ bưu chính công ích 24 hồ sơ;');
    expect(text).not.toContain('800');
    expect(oneStopFiguresFromValues(loadTemplate('id: x\nversion: "1"\ntitle: X\nissuer: X\nlevels: [commune]\nperiods: [quarter]\nrows:\n  - { id: a, label: A, kind: count }\n', 'x.yaml'), values)).toBeNull();
  });

  it('takes figures the appendix lacks from the statistics only while they agree with the report', () => {
    // A form with only "received" and "resolved" rows (as thai-nguyen-xa-quy): the rest of the
    // paragraph (channels, carried over, pending…) comes from the statistics…
    const slim = loadTemplate(
      `
id: slim
version: "1"
title: Thử
issuer: Thử
levels: [commune]
periods: [quarter]
rows:
  - { id: b, label: Tiếp nhận, kind: count, concept: onestop.received, source: { metric: received.in_period } }
  - { id: h, label: Đã giải quyết, kind: count, concept: onestop.resolved_total, source: { metric: resolved.total } }
`,
      'slim.yaml',
    );
    const slimValues = computeReportValues(slim, { period: stats, cumulative: null }, new Map());
    const agreeing = paragraphFigures(slim, slimValues, stats)!;
    expect(agreeing.statsUsable).toBe(true);
    expect(oneStopParagraph(agreeing.figures, null, 'UBND xã Thịnh Đức')).toContain('tiếp nhận 1.224 hồ sơ thủ tục hành chính, trong đó: trực tiếp 800 hồ sơ');
    // …until the officer corrects "received" (1.224 → 1.225): the breakdown from the statistics
    // would add up to 1.224, so it is left out; the paragraph states the corrected figure.
    const corrected = new Map(slimValues);
    corrected.set('b', { value: 1225, provenance: 'overridden', computed: 1224, reason: 'Sửa theo sổ theo dõi' });
    const disagreeing = paragraphFigures(slim, corrected, stats)!;
    expect(disagreeing.statsUsable).toBe(false);
    const text = oneStopParagraph(disagreeing.figures, null, 'UBND xã Thịnh Đức');
    expect(text).toBe('Trong kỳ báo cáo, UBND xã Thịnh Đức tiếp nhận 1.225 hồ sơ thủ tục hành chính. Đã giải quyết xong 1.180 hồ sơ.');
  });
});
