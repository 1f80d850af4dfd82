import { Outlet } from 'react-router-dom';
import { AppHeader } from './AppHeader';
import { MainNav } from './MainNav';

/** Every signed-in page: header, menu, then the page itself. */
export function AppLayout() {
  return (
    <div className="app">
      <AppHeader />
      <MainNav />
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
