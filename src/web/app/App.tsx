import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../auth/RequireAuth';
import { SessionProvider } from '../auth/SessionContext';
import { AppLayout } from '../layout/AppLayout';
import { HomePage } from '../pages/HomePage';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';

// Each page is loaded when it is first opened, not with the app: a commune's first visit fetches
// the login and home pages only (the dashboard alone brings the chart library).
const Index766Page = lazy(() => import('../pages/Index766Page').then((m) => ({ default: m.Index766Page })));
const DashboardPage = lazy(() => import('../pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const CalendarPage = lazy(() => import('../pages/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const CompletenessPage = lazy(() => import('../pages/CompletenessPage').then((m) => ({ default: m.CompletenessPage })));
const DossierPage = lazy(() => import('../pages/DossierPage').then((m) => ({ default: m.DossierPage })));
const DossiersPage = lazy(() => import('../pages/DossiersPage').then((m) => ({ default: m.DossiersPage })));
const ImportPage = lazy(() => import('../pages/ImportPage').then((m) => ({ default: m.ImportPage })));
const InboxPage = lazy(() => import('../pages/InboxPage').then((m) => ({ default: m.InboxPage })));
const ReportPage = lazy(() => import('../pages/ReportPage').then((m) => ({ default: m.ReportPage })));
const ReportsPage = lazy(() => import('../pages/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const RollupPage = lazy(() => import('../pages/RollupPage').then((m) => ({ default: m.RollupPage })));
const StatsPage = lazy(() => import('../pages/StatsPage').then((m) => ({ default: m.StatsPage })));
const UnitsPage = lazy(() => import('../pages/UnitsPage').then((m) => ({ default: m.UnitsPage })));
const ChangePasswordPage = lazy(() => import('../pages/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const AuditLogPage = lazy(() => import('../pages/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const ListsPage = lazy(() => import('../pages/ListsPage').then((m) => ({ default: m.ListsPage })));
const UsersPage = lazy(() => import('../pages/UsersPage').then((m) => ({ default: m.UsersPage })));

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
              <Route path="bang-dieu-khien" element={<DashboardPage />} />
              <Route path="chi-so-766" element={<Index766Page />} />
              <Route path="bao-cao" element={<ReportsPage />} />
              <Route path="bao-cao/:reportId" element={<ReportPage />} />
              <Route path="viec-can-lam" element={<InboxPage />} />
              <Route path="tinh-hinh-nop" element={<CompletenessPage />} />
              <Route path="tong-hop" element={<RollupPage />} />
              <Route path="lich" element={<CalendarPage />} />
              <Route path="danh-muc-so" element={<ListsPage />} />
              <Route path="don-vi" element={<UnitsPage />} />
              <Route path="don-vi/:unitId" element={<UnitsPage />} />
              <Route path="tai-khoan" element={<UsersPage />} />
              <Route path="doi-mat-khau" element={<ChangePasswordPage />} />
              <Route path="nhat-ky" element={<AuditLogPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
