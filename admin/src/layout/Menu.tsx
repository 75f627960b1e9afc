/**
 * The menu: the inbox with its counters (mine, my units' unclaimed, overdue), the cases, then the
 * configuration an official may open (canAccess, from the CASL rules of /api/auth/me).
 */
import InboxIcon from '@mui/icons-material/Inbox';
import ProcessIcon from '@mui/icons-material/AccountTree';
import IntakeIcon from '@mui/icons-material/PhoneInTalk';
import StatisticsIcon from '@mui/icons-material/Insights';
import { Badge, Box, Chip, Divider, ListSubheader, Stack, Tooltip } from '@mui/material';
import {
  Menu as RaMenu,
  useCanAccess,
  useCanAccessResources,
  useResourceDefinitions,
  useSidebarState,
  useTranslate,
} from 'react-admin';
import { useMe } from '../common/useMe';
import { dashboardIsHome, readsStatistics } from '../dashboard/HomePage';
import { useTaskCounts } from '../inbox/useTaskCounts';

const CONFIGURATION = [
  'units',
  'users',
  'categories',
  'communes',
  'routing-rules',
  'sla-policies',
  'calendars',
  'templates',
  'notification-templates',
  'api-keys',
  'notifications',
  'audit-log',
];

function Counters() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'tasks', action: 'list' });
  const { data, error } = useTaskCounts(canAccess === true);
  const [open] = useSidebarState();
  if (!canAccess) return null;
  if (error) return null;
  if (!open) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ pl: 7, pb: 1 }} data-testid="task-counters">
      <Tooltip title={translate('inbox.mine')}>
        <Chip size="small" color="primary" label={data?.mine ?? '…'} data-testid="count-mine" />
      </Tooltip>
      <Tooltip title={translate('inbox.unit_unclaimed')}>
        <Chip size="small" variant="outlined" label={data?.unitUnclaimed ?? '…'} data-testid="count-unit" />
      </Tooltip>
      <Tooltip title={translate('inbox.overdue')}>
        <Chip
          size="small"
          color={data?.overdue ? 'error' : 'default'}
          label={data?.overdue ?? '…'}
          data-testid="count-overdue"
        />
      </Tooltip>
    </Stack>
  );
}

/** The Process page (the diagram with open cases per step), for those who read cases. */
function ProcessItem() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'list' });
  if (!canAccess) return null;
  return (
    <RaMenu.Item to="/process" primaryText={translate('resources.cases.process.menu')} leftIcon={<ProcessIcon />} />
  );
}

/** Recording a call, a walk-in or a letter: for the IOC's roles (create Case). */
function IntakeItem() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'create' });
  if (!canAccess) return null;
  return <RaMenu.Item to="/intake" primaryText={translate('resources.intake.menu')} leftIcon={<IntakeIcon />} />;
}

function InboxIconWithBadge() {
  const { data } = useTaskCounts();
  return (
    <Badge color="error" badgeContent={data?.overdue ?? 0} max={99}>
      <InboxIcon />
    </Badge>
  );
}

/**
 * Everyone may read the active units and categories (the public directory's rule) and a leader
 * their unit's officials, but configuration is shown only to those who may change it (an
 * administrator, a unit administrator) and to the IOC, which reads all of it (routing rules).
 */
function ConfigurationItems() {
  const translate = useTranslate();
  const resources = useResourceDefinitions();
  const { canAccess: list } = useCanAccessResources({ action: 'list', resources: CONFIGURATION });
  const { canAccess: edit } = useCanAccessResources({ action: 'edit', resources: CONFIGURATION });
  const ioc = list?.['routing-rules'] === true;
  // The outbox and the audit log are the IOC's (others read only their own in-app notifications).
  const monitoring = ['notifications', 'audit-log'];
  const names = CONFIGURATION.filter(
    (name) => resources[name]?.hasList && list?.[name] && (ioc || (edit?.[name] && !monitoring.includes(name))),
  );
  if (names.length === 0) return null;
  return (
    <>
      <Divider />
      <ListSubheader sx={{ bgcolor: 'transparent', lineHeight: 2.5 }}>{translate('app.configuration')}</ListSubheader>
      {names.map((name) => (
        <RaMenu.ResourceItem key={name} name={name} />
      ))}
    </>
  );
}

/** Announcements: for those who write them (a unit's leader, the IOC's supervisors and admins). */
function AnnouncementsItem() {
  const { canAccess } = useCanAccess({ resource: 'announcements', action: 'create' });
  return canAccess ? <RaMenu.ResourceItem name="announcements" /> : null;
}

/**
 * Home is the dashboard for supervisors and leaders (then the inbox is /inbox), the inbox for the
 * others (then the dashboard, for those who read statistics, is /statistics).
 */
function HomeItems() {
  const translate = useTranslate();
  const me = useMe();
  const statistics = <StatisticsIcon />;
  if (dashboardIsHome(me))
    return (
      <>
        <RaMenu.DashboardItem primaryText={translate('statistics.menu')} leftIcon={statistics} />
        <RaMenu.Item to="/inbox" primaryText={translate('inbox.title')} leftIcon={<InboxIconWithBadge />} />
        <Box>
          <Counters />
        </Box>
      </>
    );
  return (
    <>
      <RaMenu.DashboardItem primaryText={translate('inbox.title')} leftIcon={<InboxIconWithBadge />} />
      <Box>
        <Counters />
      </Box>
      {readsStatistics(me) && (
        <RaMenu.Item to="/statistics" primaryText={translate('statistics.menu')} leftIcon={statistics} />
      )}
    </>
  );
}

export function Menu() {
  return (
    <RaMenu>
      <HomeItems />
      <RaMenu.ResourceItem name="cases" />
      <IntakeItem />
      <ProcessItem />
      <AnnouncementsItem />
      <ConfigurationItems />
    </RaMenu>
  );
}
