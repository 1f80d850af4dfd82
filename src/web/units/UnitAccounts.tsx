import type { UnitAccount } from '../api/types';
import { roleLabel } from '../auth/roles';

export function UnitAccounts({ accounts }: { accounts: UnitAccount[] }) {
  return (
    <section aria-labelledby="unit-accounts-title">
      <h3 id="unit-accounts-title">Tài khoản của đơn vị</h3>
      {accounts.length === 0 ? (
        <p className="hint">Đơn vị chưa có tài khoản nào.</p>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Tên đăng nhập</th>
              <th scope="col">Họ và tên</th>
              <th scope="col">Vai trò</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <td className="mono">{account.username}</td>
                <td>{account.displayName}</td>
                <td>{roleLabel(account.role)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
