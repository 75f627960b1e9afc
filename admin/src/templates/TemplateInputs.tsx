import { BooleanInput, SelectInput, TextInput, required } from 'react-admin';
import { TEMPLATE_PURPOSES, choices } from '../common/choices';

export function TemplateInputs({ creating = false }: { creating?: boolean }) {
  return (
    <>
      <TextInput source="code" validate={required()} disabled={!creating} />
      <SelectInput
        source="purpose"
        choices={choices(TEMPLATE_PURPOSES, 'domain.template_purpose')}
        validate={required()}
      />
      <TextInput source="titleVi" validate={required()} fullWidth />
      <TextInput source="titleEn" validate={required()} fullWidth />
      <TextInput source="bodyVi" validate={required()} multiline minRows={6} fullWidth />
      <TextInput source="bodyEn" validate={required()} multiline minRows={6} fullWidth />
      <BooleanInput source="active" defaultValue />
    </>
  );
}
