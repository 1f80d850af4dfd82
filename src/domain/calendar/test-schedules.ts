import { parseCalendarFile } from './calendar-file';
import type { YearSchedule } from './schedule';

/**
 * Small excerpts of the real calendar files for the domain tests, which must not read files
 * (the domain is pure). The full files are tested in src/services/calendar-files.test.ts.
 */
export const SCHEDULE_2025_EXCERPT: YearSchedule = parseCalendarFile(
  `
year: 2025
confirmed: true
days:
  - { date: 2025-04-26, kind: makeup_workday, reason: Làm bù cho ngày 02/05/2025, legal_ref: Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024, swap_with: 2025-05-02 }
  - { date: 2025-04-30, kind: holiday, reason: Ngày Chiến thắng (30/4), legal_ref: BLLĐ 2019 Điều 112 }
  - { date: 2025-05-01, kind: holiday, reason: Ngày Quốc tế Lao động (1/5), legal_ref: BLLĐ 2019 Điều 112 }
  - { date: 2025-05-02, kind: swapped_day_off, reason: Nghỉ hoán đổi, legal_ref: Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024, swap_with: 2025-04-26 }
`,
  'excerpt-2025.yaml',
);

export const SCHEDULE_2026_EXCERPT: YearSchedule = parseCalendarFile(
  `
year: 2026
confirmed: true
days:
  - { date: 2026-01-01, kind: holiday, reason: Tết Dương lịch, legal_ref: BLLĐ 2019 Điều 112 }
  - { date: 2026-01-02, kind: swapped_day_off, reason: Nghỉ hoán đổi, legal_ref: Công văn 12729/VPCP-KGVX, swap_with: 2026-01-10 }
  - { date: 2026-01-10, kind: makeup_workday, reason: Làm bù cho ngày 02/01/2026, legal_ref: Công văn 12729/VPCP-KGVX, swap_with: 2026-01-02 }
  - { date: 2026-02-16, kind: holiday, reason: Tết Nguyên đán, legal_ref: Thông báo 9441/TB-BNV }
  - { date: 2026-02-17, kind: holiday, reason: Tết Nguyên đán, legal_ref: Thông báo 9441/TB-BNV }
  - { date: 2026-02-18, kind: holiday, reason: Tết Nguyên đán, legal_ref: Thông báo 9441/TB-BNV }
  - { date: 2026-02-19, kind: holiday, reason: Tết Nguyên đán, legal_ref: Thông báo 9441/TB-BNV }
  - { date: 2026-02-20, kind: holiday, reason: Tết Nguyên đán, legal_ref: Thông báo 9441/TB-BNV }
`,
  'excerpt-2026.yaml',
);

export const SCHEDULE_2024_EXCERPT: YearSchedule = parseCalendarFile(
  `
year: 2024
confirmed: true
days:
  - { date: 2024-04-29, kind: swapped_day_off, reason: Nghỉ hoán đổi, legal_ref: Công văn 2450/VPCP-KGVX, swap_with: 2024-05-04 }
  - { date: 2024-04-30, kind: holiday, reason: Ngày Chiến thắng (30/4), legal_ref: BLLĐ 2019 Điều 112 }
  - { date: 2024-05-01, kind: holiday, reason: Ngày Quốc tế Lao động (1/5), legal_ref: BLLĐ 2019 Điều 112 }
  - { date: 2024-05-04, kind: makeup_workday, reason: Làm bù cho ngày 29/04/2024, legal_ref: Công văn 2450/VPCP-KGVX, swap_with: 2024-04-29 }
`,
  'excerpt-2024.yaml',
);
