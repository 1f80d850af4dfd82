/** The last `count` calendar months up to the one holding `today`, newest first: ids 2026-M10. */
export function recentMonths(today: string, count = 24): Array<{ id: string; label: string; month: string }> {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const out: Array<{ id: string; label: string; month: string }> = [];
  for (let i = 0; i < count; i++) {
    const mm = String(month).padStart(2, '0');
    out.push({ id: `${year}-M${mm}`, label: `Tháng ${mm}/${year}`, month: `${year}-${mm}` });
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}
