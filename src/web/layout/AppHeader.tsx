import { Link } from 'react-router-dom';
import { PRODUCT_NAME } from '../hooks/useDocumentTitle';
import { LogoutButton } from './LogoutButton';
import { UserBadge } from './UserBadge';

export function AppHeader() {
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="brand">
          {PRODUCT_NAME}
        </Link>
        <div className="header-user">
          <UserBadge />
          <Link to="/doi-mat-khau" className="header-link">
            Đổi mật khẩu
          </Link>
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
