/**
 * The menu's counters: GET /api/admin/tasks/counts, refreshed every minute and after every task
 * action (query key 'task-counts'). Until that endpoint exists, the same numbers come from three
 * one-row task lists (their Content-Range totals).
 */
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider, TaskCounts } from '../providers/dataProvider';
import { useMe } from '../common/useMe';

export const TASK_COUNTS_KEY = ['task-counts'];

export function useTaskCounts(enabled = true) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const me = useMe();
  return useQuery({
    queryKey: TASK_COUNTS_KEY,
    enabled: enabled && !!me,
    refetchInterval: 60_000,
    retry: false,
    queryFn: async (): Promise<TaskCounts> => {
      try {
        return await dataProvider.taskCounts();
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error;
      }
      const total = (filter: Record<string, unknown>) =>
        dataProvider
          .getList('tasks', { pagination: { page: 1, perPage: 1 }, sort: { field: 'due', order: 'ASC' }, filter })
          .then((r) => r.total ?? 0);
      const [mine, unitUnclaimed, overdue] = await Promise.all([
        total({ state: 'open', assigneeId: me!.id }),
        total({ state: 'open', assigneeId: null }),
        total({ state: 'open', overdue: true }),
      ]);
      return { mine, unitUnclaimed, overdue };
    },
  });
}
