import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../hooks/useDocumentTitle';

export function NotFoundPage() {
  useDocumentTitle('Không tìm thấy trang');
  return (
    <section className="page">
      <h1>Không tìm thấy trang</h1>
      <p>
        Địa chỉ này không có trong phần mềm. <Link to="/">Về trang chủ</Link>
      </p>
    </section>
  );
}
