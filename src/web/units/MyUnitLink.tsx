import { Link, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../auth/SessionContext';

/** Officers work on one unit: a shortcut to it, kept visible on the units page. */
export function MyUnitLink() {
  const user = useCurrentUser();
  const { search } = useLocation();
  if (user.role !== 'officer') return null;
  return (
    <Link className="my-unit-link" to={`/don-vi/${user.unit.id}${search}`}>
      Đơn vị của tôi: {user.unit.name}
    </Link>
  );
}
