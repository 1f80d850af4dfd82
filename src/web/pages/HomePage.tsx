import { Link } from 'react-router-dom';
import { useCurrentUser } from '../auth/SessionContext';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { navItemsFor } from '../layout/navItems';
import { InboxSummary } from '../review/InboxSummary';

export function HomePage() {
  useDocumentTitle(null);
  const user = useCurrentUser();
  return (
    <section className="page">
      <h1>Xin chào, {user.displayName}</h1>
      <p className="lead">
        Bạn đăng nhập với vai trò <strong>{user.roleLabel}</strong> của <strong>{user.unit.name}</strong>
        {user.province && user.province.id !== user.unit.id ? ` (${user.province.name})` : ''}.
      </p>
      <InboxSummary />
      <ul className="card-list">
        {navItemsFor(user.role).map((item) => (
          <li key={item.to} className="card">
            <h2>
              <Link to={item.to}>{item.label}</Link>
            </h2>
            <p>{item.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
