import type { DossierStats, RateKey } from '../api/stats';
import { formatRate } from '../format/number';

const RATE_LABELS: Array<{ key: RateKey; label: string; basis: string }> = [
  { key: 'on_time_pct', label: 'Tỷ lệ giải quyết đúng hạn', basis: 'trước hạn và đúng hạn / đã giải quyết' },
  { key: 'late_pct', label: 'Tỷ lệ giải quyết quá hạn', basis: 'quá hạn / đã giải quyết' },
  { key: 'online_pct', label: 'Tỷ lệ tiếp nhận trực tuyến', basis: 'trực tuyến / tiếp nhận trong kỳ' },
  { key: 'online_full_pct', label: 'Tỷ lệ hồ sơ trực tuyến toàn trình', basis: 'nộp trực tuyến / hồ sơ của thủ tục toàn trình' },
  { key: 'digitized_input_pct', label: 'Tỷ lệ số hóa hồ sơ', basis: 'đã số hóa / tiếp nhận trong kỳ' },
  { key: 'digitized_output_pct', label: 'Tỷ lệ số hóa kết quả', basis: 'kết quả đã số hóa / đã giải quyết' },
  { key: 'payment_online_pct', label: 'Tỷ lệ thanh toán trực tuyến', basis: 'thanh toán trực tuyến / hồ sơ có phí, lệ phí' },
  { key: 'satisfaction_pct', label: 'Tỷ lệ hài lòng', basis: 'hài lòng và rất hài lòng / có đánh giá' },
];

/** Each rate with its numerator and denominator, as docs/metrics.md defines them. */
export function RatesTable({ stats }: { stats: DossierStats }) {
  return (
    <div className="table-wrap">
      <table className="table rates-table" aria-label="Các tỷ lệ">
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Tỷ lệ (tử số/mẫu số)</th>
            <th scope="col">Cách tính</th>
          </tr>
        </thead>
        <tbody>
          {RATE_LABELS.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="rate">{formatRate(stats.rates[r.key])}</td>
              <td className="hint-cell">{r.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
