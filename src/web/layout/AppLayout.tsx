import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { LoadingNotice } from '../ui/LoadingNotice';
import { AppHeader } from './AppHeader';
import { MainNav } from './MainNav';

/** Every signed-in page: header, menu, then the page itself (loaded on first visit). */
export function AppLayout() {
  return (
    <div className="app">
      <AppHeader />
      <MainNav />
      <main className="app-main">
        <Suspense fallback={<LoadingNotice />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
