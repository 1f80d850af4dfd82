import { formatNumber } from '../format/number';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  /** "hồ sơ", "đơn vị"… */
  noun: string;
  onPage: (page: number) => void;
}

/** "Trang 2/5 · 1.224 hồ sơ" with previous and next buttons. */
export function Pager({ page, pageSize, total, noun, onPage }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label="Phân trang">
      <button type="button" className="button button-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ‹ Trang trước
      </button>
      <span role="status">
        Trang {formatNumber(page)}/{formatNumber(pages)} · {formatNumber(first)}–{formatNumber(last)} trong {formatNumber(total)} {noun}
      </span>
      <button type="button" className="button button-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Trang sau ›
      </button>
    </nav>
  );
}
