import { Stack } from '@mui/material';
import { AutocompleteArrayInput, DateTimeInput, SelectInput, TextInput, maxLength, required } from 'react-admin';
import { useCommuneChoices } from '../common/useDirectory';
import { kindChoices, severityChoices, useAnnouncementUnitChoices } from './shared';
import { fromDateTimeInput, toDateTimeInput } from '../common/ha-tinh-time';

export function AnnouncementInputs() {
  const units = useAnnouncementUnitChoices();
  const communes = useCommuneChoices();
  return (
    <>
      <SelectInput source="unitId" choices={units} translateChoice={false} validate={required()} fullWidth />
      <Stack direction="row" spacing={2} sx={{ width: '100%' }}>
        <SelectInput source="kind" choices={kindChoices} validate={required()} sx={{ flex: 1 }} />
        <SelectInput source="severity" choices={severityChoices} validate={required()} sx={{ flex: 1 }} />
      </Stack>
      <TextInput source="titleVi" validate={[required(), maxLength(300)]} fullWidth />
      <TextInput source="bodyVi" validate={[required(), maxLength(10_000)]} multiline minRows={4} fullWidth />
      <TextInput source="titleEn" validate={maxLength(300)} fullWidth />
      <TextInput source="bodyEn" validate={maxLength(10_000)} multiline minRows={3} fullWidth />
      <AutocompleteArrayInput source="communeCodes" choices={communes} translateChoice={false} fullWidth />
      <Stack direction="row" spacing={2} sx={{ width: '100%' }}>
        <DateTimeInput
          source="validFrom"
          format={toDateTimeInput}
          parse={fromDateTimeInput}
          validate={required()}
          sx={{ flex: 1 }}
        />
        <DateTimeInput source="validUntil" format={toDateTimeInput} parse={fromDateTimeInput} sx={{ flex: 1 }} />
      </Stack>
    </>
  );
}
