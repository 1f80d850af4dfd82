const ITEMS: Array<{ className: string; label: string }> = [
  { className: 'day', label: 'Ngày làm việc' },
  { className: 'day day-weekend', label: 'Nghỉ hằng tuần (thứ Bảy, Chủ nhật)' },
  { className: 'day day-tet', label: 'Tết Nguyên đán' },
  { className: 'day day-holiday', label: 'Nghỉ lễ, tết' },
  { className: 'day day-off', label: 'Ngày nghỉ (nghỉ bù)' },
  { className: 'day day-swapped', label: 'Nghỉ hoán đổi' },
  { className: 'day day-makeup', label: 'Làm bù (thứ Bảy, Chủ nhật đi làm)' },
  { className: 'day day-local', label: 'Ngày riêng của tỉnh/đơn vị' },
];

/** What the colours of the month grids mean; each cell shows the solar day and, below, the lunar day. */
export function CalendarLegend() {
  return (
    <div className="calendar-legend">
      <ul aria-label="Chú thích">
        {ITEMS.map((item) => (
          <li key={item.label}>
            <span className={`legend-swatch ${item.className}`} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
      <p className="hint">Số lớn: ngày dương lịch; số nhỏ: ngày âm lịch (ghi ngày/tháng vào mùng 1 âm lịch). Di chuột lên một ngày để xem chi tiết.</p>
    </div>
  );
}
