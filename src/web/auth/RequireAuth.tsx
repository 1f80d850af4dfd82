import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from './SessionContext';
import { LoadingNotice } from '../ui/LoadingNotice';

export interface LoginRedirectState {
  from?: string;
}

/** Pages behind it need a session; without one the user is sent to the login page and back afterwards. */
export function RequireAuth() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingNotice text="Đang kiểm tra phiên đăng nhập…" />;
  if (state.status === 'anonymous') {
    if (state.signedOut) return <Navigate to="/dang-nhap" replace />;
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/dang-nhap" replace state={{ from } satisfies LoginRedirectState} />;
  }
  return <Outlet />;
}
