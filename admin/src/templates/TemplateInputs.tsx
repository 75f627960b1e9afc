import { BooleanInput, SelectInput, TextInput, required, useTranslate } from 'react-admin';
import { LETTER_VARIABLES } from '../../../domain/reply-letters';
import { TEMPLATE_PURPOSES, choices } from '../common/choices';

/** The only placeholders a letter may use: the API refuses any other (domain/reply-letters.ts). */
const VARIABLES = Object.keys(LETTER_VARIABLES)
  .map((name) => `{{${name}}}`)
  .join(', ');

export function TemplateInputs({ creating = false }: { creating?: boolean }) {
  const translate = useTranslate();
  const hint = translate('resources.templates.variables_hint', { variables: VARIABLES });
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
      <TextInput source="bodyVi" validate={required()} multiline minRows={6} fullWidth helperText={hint} />
      <TextInput source="bodyEn" validate={required()} multiline minRows={6} fullWidth helperText={hint} />
      <BooleanInput source="active" defaultValue />
    </>
  );
}
