/**
 * "Test a location": which unit would a report of this category, here, get — the rules as they
 * are saved now, decided by the workflow's own code (POST /routing-rules/test).
 */
import { Alert, AlertTitle, Box, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  NumberInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Title,
  Toolbar,
  maxValue,
  minValue,
  required,
  useDataProvider,
  useTranslate,
} from 'react-admin';
import { RoutingReasons } from '../common/RoutingReasons';
import { useCategoryChoices, useCommuneChoices } from '../common/useDirectory';
import type { AppDataProvider, RoutingDecision } from '../providers/dataProvider';

function Decision({ decision }: { decision: RoutingDecision }) {
  const translate = useTranslate();
  const fromPoint = decision.communeFromPoint && decision.communeCode && (
    <Typography variant="body2">
      {translate('domain.routing_reason.commune_from_point', { communeCode: decision.communeCode })}
    </Typography>
  );
  if (decision.kind === 'automatic')
    return (
      <Alert severity="success" data-testid="routing-decision">
        <AlertTitle>
          {translate('resources.routing-rules.test.automatic', { unit: `${decision.unitName} (${decision.unitCode})` })}
        </AlertTitle>
        {fromPoint}
        <Typography variant="subtitle2">{translate('resources.routing-rules.test.reasons')}</Typography>
        <RoutingReasons candidate={decision} />
      </Alert>
    );
  return (
    <Alert severity="warning" data-testid="routing-decision">
      <AlertTitle>{translate(`resources.routing-rules.test.${decision.reason}`)}</AlertTitle>
      {fromPoint}
      {decision.candidates.length > 0 && (
        <Typography variant="subtitle2">{translate('resources.routing-rules.test.candidates')}</Typography>
      )}
      {decision.candidates.map((c) => (
        <Box key={`${c.unitId}-${c.priority}`} sx={{ mb: 1 }}>
          <Typography>
            {c.unitName} ({c.unitCode})
          </Typography>
          <RoutingReasons candidate={c} />
        </Box>
      ))}
    </Alert>
  );
}

export function RoutingTestPage() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const categories = useCategoryChoices();
  const communes = useCommuneChoices();
  const [decision, setDecision] = useState<RoutingDecision | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: Record<string, any>) => {
    setFailure(null);
    try {
      setDecision(
        await dataProvider.testRoutingRule({
          categoryCode: values.categoryCode,
          ...(values.communeCode && { communeCode: values.communeCode }),
          ...(typeof values.lat === 'number' && { lat: values.lat }),
          ...(typeof values.lng === 'number' && { lng: values.lng }),
          ...(values.description && { description: values.description }),
        }),
      );
    } catch (error) {
      setDecision(null);
      setFailure((error as Error).message);
      return (error as { body?: { errors?: Record<string, string> } }).body?.errors;
    }
    return undefined;
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 900 }}>
      <Title title={translate('resources.routing-rules.test.title')} />
      <CardHeader
        title={translate('resources.routing-rules.test.title')}
        subheader={translate('resources.routing-rules.test.intro')}
      />
      <CardContent>
        <SimpleForm
          onSubmit={submit}
          toolbar={
            <Toolbar>
              <SaveButton label="resources.routing-rules.test.run" alwaysEnable />
            </Toolbar>
          }
        >
          <AutocompleteInput
            source="categoryCode"
            label="resources.routing-rules.test.categoryCode"
            choices={categories}
            translateChoice={false}
            validate={required()}
            fullWidth
          />
          <AutocompleteInput
            source="communeCode"
            label="resources.routing-rules.test.communeCode"
            choices={communes}
            translateChoice={false}
            fullWidth
          />
          <NumberInput source="lat" label="resources.routing-rules.test.lat" validate={[minValue(-90), maxValue(90)]} />
          <NumberInput
            source="lng"
            label="resources.routing-rules.test.lng"
            validate={[minValue(-180), maxValue(180)]}
          />
          <TextInput source="description" label="resources.routing-rules.test.description" multiline fullWidth />
        </SimpleForm>
        {failure && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {translate('app.load_failed', { detail: failure })}
          </Alert>
        )}
        {decision && (
          <Box sx={{ mt: 2 }}>
            <Decision decision={decision} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
