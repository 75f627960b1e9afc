/**
 * The back office's home page: the statistics dashboard for supervisors and unit leaders (what
 * they are judged on), the task inbox for everyone else. Both stay reachable from the menu
 * (/inbox, /statistics).
 */
import { lazy, Suspense } from 'react';
import { LinearProgress } from '@mui/material';
import { useMe } from '../common/useMe';
import { TaskInbox } from '../inbox/TaskInbox';
import type { Permissions } from '../providers/authProvider';

export const StatisticsDashboard = lazy(() =>
  import('./StatisticsDashboard').then((m) => ({ default: m.StatisticsDashboard })),
);

/** Whether the official may read statistics (CASL's readStatistics on cases). */
export const readsStatistics = (me: Permissions | undefined) => me?.ability.can('readStatistics', 'Case') === true;

/** Supervisors and leaders land on the dashboard. */
export const dashboardIsHome = (me: Permissions | undefined) =>
  readsStatistics(me) && (me?.roles ?? []).some((role) => role === 'supervisor' || role === 'leader');

export function LazyStatisticsDashboard() {
  return (
    <Suspense fallback={<LinearProgress />}>
      <StatisticsDashboard />
    </Suspense>
  );
}

export function HomePage() {
  const me = useMe();
  if (!me) return <LinearProgress />;
  return dashboardIsHome(me) ? <LazyStatisticsDashboard /> : <TaskInbox />;
}
