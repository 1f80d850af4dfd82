import { Link } from 'react-router-dom';
import { Notice } from './Notice';

/** A page the user's role may not open (the server refuses the data anyway). */
export function NoAccess({ title, message }: { title: string; message: string }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <Notice kind="error">{message}</Notice>
      <p>
        <Link to="/">Về trang chủ</Link>
      </p>
    </section>
  );
}
