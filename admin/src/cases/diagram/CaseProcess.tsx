/**
 * The case's process on its page: the Diagram tab (any official who may read the case) and the
 * History tab (readHistory: the IOC's supervisors and admins, from the packed rules of
 * /api/auth/me). Both load on demand; the diagram brings bpmn-js with it.
 */
import { Box, LinearProgress, Tab, Tabs } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useMe } from '../../common/useMe';

const CaseDiagramTab = lazy(() => import('./CaseDiagramTab').then((m) => ({ default: m.CaseDiagramTab })));
const CaseHistoryTab = lazy(() => import('./CaseHistoryTab').then((m) => ({ default: m.CaseHistoryTab })));

type Panel = 'diagram' | 'history';

export function CaseProcess({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const me = useMe();
  const [panel, setPanel] = useState<Panel | false>(false);
  const mayReadHistory = !!me?.ability.can('readHistory', 'Case');
  return (
    <Box data-testid="case-process">
      <Tabs value={panel} onChange={(_, value: Panel) => setPanel(value)} variant="scrollable">
        <Tab value="diagram" label={translate('resources.cases.diagram.tab')} data-testid="tab-diagram" />
        {mayReadHistory && (
          <Tab value="history" label={translate('resources.cases.history.tab')} data-testid="tab-history" />
        )}
      </Tabs>
      <Suspense fallback={<LinearProgress />}>
        <Box sx={{ pt: 1 }}>
          {panel === 'diagram' && <CaseDiagramTab caseId={caseId} />}
          {panel === 'history' && mayReadHistory && <CaseHistoryTab caseId={caseId} />}
        </Box>
      </Suspense>
    </Box>
  );
}
