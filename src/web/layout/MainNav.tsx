import { NavLink } from 'react-router-dom';
import { useCurrentUser } from '../auth/SessionContext';
import { navItemsFor } from './navItems';

export function MainNav() {
  const user = useCurrentUser();
  return (
    <nav className="main-nav" aria-label="Điều hướng chính">
      <ul>
        {navItemsFor(user.role).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>{item.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
