import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../auth/RequireAuth';
import { SessionProvider } from '../auth/SessionContext';
import { AppLayout } from '../layout/AppLayout';
import { CalendarPage } from '../pages/CalendarPage';
import { CompletenessPage } from '../pages/CompletenessPage';
import { DossierPage } from '../pages/DossierPage';
import { DossiersPage } from '../pages/DossiersPage';
import { HomePage } from '../pages/HomePage';
import { ImportPage } from '../pages/ImportPage';
import { InboxPage } from '../pages/InboxPage';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ReportPage } from '../pages/ReportPage';
import { ReportsPage } from '../pages/ReportsPage';
import { RollupPage } from '../pages/RollupPage';
import { StatsPage } from '../pages/StatsPage';
import { UnitsPage } from '../pages/UnitsPage';
import { UsersPage } from '../pages/UsersPage';
import { LoadingNotice } from '../ui/LoadingNotice';

// The dashboard brings the chart library: loaded when the page is opened, not with the app.
const DashboardPage = lazy(() => import('../pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));

/** Routes of the SPA; the server answers every non-API path with index.html. */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/dang-nhap" element={<LoginPage />} />
          <Route element={<RequireAuth />}>
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="ho-so" element={<DossiersPage />} />
              <Route path="ho-so/:dossierId" element={<DossierPage />} />
              <Route path="nhap-ho-so" element={<ImportPage />} />
              <Route path="thong-ke" element={<StatsPage />} />
              <Route
                path="bang-dieu-khien"
                element={
                  <Suspense fallback={<LoadingNotice />}>
                    <DashboardPage />
                  </Suspense>
                }
              />
              <Route path="bao-cao" element={<ReportsPage />} />
              <Route path="bao-cao/:reportId" element={<ReportPage />} />
              <Route path="viec-can-lam" element={<InboxPage />} />
              <Route path="tinh-hinh-nop" element={<CompletenessPage />} />
              <Route path="tong-hop" element={<RollupPage />} />
              <Route path="lich" element={<CalendarPage />} />
              <Route path="don-vi" element={<UnitsPage />} />
              <Route path="don-vi/:unitId" element={<UnitsPage />} />
              <Route path="tai-khoan" element={<UsersPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
