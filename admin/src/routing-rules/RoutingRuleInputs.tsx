import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  NumberInput,
  TextArrayInput,
  TextInput,
  required,
} from 'react-admin';
import { useCategoryChoices, useCommuneChoices, useUnitChoices } from '../common/useDirectory';

/** A GeoJSON polygon is edited as text; an empty text means no area. */
const formatJson = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value, null, 2));
const parseJson = (text: string) => {
  if (!text?.trim()) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text; // left for the validator and the API to name
  }
};
const validJson = (value: unknown) => (typeof value === 'string' ? 'ra.notification.bad_item' : undefined);

export function RoutingRuleInputs() {
  const categories = useCategoryChoices();
  const communes = useCommuneChoices();
  const units = useUnitChoices();
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <AutocompleteInput source="unitId" choices={units} translateChoice={false} validate={required()} fullWidth />
      <NumberInput source="priority" defaultValue={0} />
      <AutocompleteArrayInput source="categoryCodes" choices={categories} translateChoice={false} fullWidth />
      <AutocompleteArrayInput source="communeCodes" choices={communes} translateChoice={false} fullWidth />
      <TextArrayInput source="keywords" fullWidth />
      <TextInput
        source="boundary"
        format={formatJson}
        parse={parseJson}
        validate={validJson}
        multiline
        minRows={3}
        fullWidth
      />
      <BooleanInput source="active" defaultValue />
    </>
  );
}
