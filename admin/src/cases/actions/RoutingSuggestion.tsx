/** The routing rules' proposal for the case and why (/cases/:id/routing-suggestion). */
import { Alert, AlertTitle, Button } from '@mui/material';
import { useEffect } from 'react';
import { LinearProgress, useRecordContext, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { RoutingReasons as Reasons } from '../../common/RoutingReasons';
import { useRoutingSuggestion } from '../useCaseHelpers';

export function RoutingSuggestion() {
  const translate = useTranslate();
  const record = useRecordContext();
  const { setValue, getValues } = useFormContext();
  const { data, error, isPending } = useRoutingSuggestion(record?.id as string | undefined);
  useEffect(() => {
    if (data?.kind === 'automatic' && !getValues('unitId')) setValue('unitId', data.unitId, { shouldDirty: true });
  }, [data, getValues, setValue]);
  if (isPending) return <LinearProgress />;
  if (error)
    return (
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('app.degraded', { detail: (error as Error).message })}
      </Alert>
    );
  if (!data) return null;
  if (data.kind === 'automatic')
    return (
      <Alert severity="success" sx={{ mb: 2 }} data-testid="routing-suggestion">
        <AlertTitle>
          {translate('resources.cases.action.suggestion_automatic', { unit: `${data.unitName} (${data.unitCode})` })}
        </AlertTitle>
        <Reasons candidate={data} />
      </Alert>
    );
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="routing-suggestion">
      <AlertTitle>
        {translate(
          data.reason === 'tie'
            ? 'resources.cases.action.suggestion_tie'
            : 'resources.cases.action.suggestion_no_match',
        )}
      </AlertTitle>
      {data.candidates.map((c) => (
        <div key={c.unitId}>
          <Button
            size="small"
            onClick={() => setValue('unitId', c.unitId, { shouldDirty: true, shouldValidate: true })}
          >
            {translate('resources.cases.action.pick')}: {c.unitName} ({c.unitCode})
          </Button>
          <Reasons candidate={c} />
        </div>
      ))}
    </Alert>
  );
}
