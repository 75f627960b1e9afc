/**
 * The back office: react-admin over /api/admin, signed in with /api/auth, Vietnamese first.
 * Served by the API at /admin (api/routes/admin-app.ts), hence the router's basename.
 */
import { lazy } from 'react';
import { Admin, CustomRoutes, Resource, localStorageStore } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import apiKeys from './api-keys';
import calendars from './calendars';
import cases from './cases';
import categories from './categories';
import communes from './communes';
import { HomePage, LazyStatisticsDashboard } from './dashboard/HomePage';
import { TaskInbox } from './inbox/TaskInbox';
import { Layout } from './layout/Layout';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import routingRules from './routing-rules';
import slaPolicies from './sla-policies';
import templates from './templates';
import units from './units';
import users from './users';
import { auditLog, notifications } from './monitoring';
import announcements from './announcements';
import notificationTemplates from './notification-templates';
import { theme } from './theme';

const ChangePasswordPage = lazy(() =>
  import('./layout/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
);
const ProcessPage = lazy(() => import('./process/ProcessPage').then((m) => ({ default: m.ProcessPage })));
const IntakePage = lazy(() => import('./intake/IntakePage').then((m) => ({ default: m.IntakePage })));
const RoutingTestPage = lazy(() => import('./routing-rules/RoutingTest').then((m) => ({ default: m.RoutingTestPage })));

const store = localStorageStore(undefined, 'field-report');

export function App() {
  return (
    <BrowserRouter basename="/admin">
      <Admin
        title="app.title"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        store={store}
        layout={Layout}
        dashboard={HomePage}
        theme={theme}
        requireAuth
        disableTelemetry
      >
        <Resource name="cases" {...cases} />
        <Resource name="tasks" />
        <Resource name="units" {...units} />
        <Resource name="users" {...users} />
        <Resource name="categories" {...categories} />
        <Resource name="communes" {...communes} />
        <Resource name="routing-rules" {...routingRules} />
        <Resource name="sla-policies" {...slaPolicies} />
        <Resource name="calendars" {...calendars} />
        <Resource name="templates" {...templates} />
        <Resource name="api-keys" {...apiKeys} />
        <Resource name="notifications" {...notifications} />
        <Resource name="audit-log" {...auditLog} />
        <Resource name="notification-templates" {...notificationTemplates} />
        <Resource name="announcements" {...announcements} />
        <CustomRoutes>
          <Route path="/change-password" element={<ChangePasswordPage />} />
          <Route path="/routing-test" element={<RoutingTestPage />} />
          <Route path="/process" element={<ProcessPage />} />
          <Route path="/intake" element={<IntakePage />} />
          <Route path="/inbox" element={<TaskInbox />} />
          <Route path="/statistics" element={<LazyStatisticsDashboard />} />
        </CustomRoutes>
      </Admin>
    </BrowserRouter>
  );
}
