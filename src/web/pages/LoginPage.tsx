import { Navigate, useLocation } from 'react-router-dom';
import type { LoginRedirectState } from '../auth/RequireAuth';
import { useSession } from '../auth/SessionContext';
import { LoginForm } from '../auth/LoginForm';
import { PRODUCT_NAME, useDocumentTitle } from '../hooks/useDocumentTitle';
import { LoadingNotice } from '../ui/LoadingNotice';

/** Where to go after signing in: back to the page that asked for a login, else the home page. */
function targetAfterLogin(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  const local = from !== undefined && from.startsWith('/') && !from.startsWith('//');
  return local && !from.startsWith('/dang-nhap') ? from : '/';
}

export function LoginPage() {
  useDocumentTitle('Đăng nhập');
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingNotice text="Đang kiểm tra phiên đăng nhập…" />;
  if (state.status === 'signed-in') return <Navigate to={targetAfterLogin(location.state)} replace />;
  return (
    <div className="login-page">
      <main className="login-card">
        <p className="login-product">{PRODUCT_NAME}</p>
        <h1>Đăng nhập</h1>
        <LoginForm />
        <p className="login-note">
          Tài khoản dùng thử (demo) và mật khẩu được ghi trong tệp README của phần mềm. Quên mật khẩu? Hãy liên hệ quản trị viên
          của tỉnh.
        </p>
      </main>
    </div>
  );
}
