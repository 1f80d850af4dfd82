import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../auth/SessionContext';

export function LogoutButton() {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await signOut();
    } catch {
      // The session is forgotten locally either way.
    }
    navigate('/dang-nhap', { replace: true });
  };
  return (
    <button type="button" className="button button-light" onClick={onClick} disabled={busy}>
      Đăng xuất
    </button>
  );
}
