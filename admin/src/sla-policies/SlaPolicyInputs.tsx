import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { CASE_LEVELS, DURATION_UNITS, ESCALATION_TARGETS, HUMAN_STEPS, choices } from '../common/choices';
import { useCategoryChoices } from '../common/useDirectory';

/** The empty choice ("any level") is stored as null: react-admin's empty value must stay ''. */
const emptyToNull = (value: string) => (value === '' ? null : value);

export function SlaPolicyInputs() {
  const categories = useCategoryChoices();
  return (
    <>
      <SelectInput source="step" choices={choices(HUMAN_STEPS, 'domain.step')} validate={required()} />
      <AutocompleteInput source="categoryCode" choices={categories} translateChoice={false} fullWidth />
      <SelectInput source="level" choices={choices(CASE_LEVELS, 'domain.level')} parse={emptyToNull} />
      <NumberInput source="durationAmount" validate={[required(), minValue(0)]} />
      <SelectInput
        source="durationUnit"
        choices={choices(DURATION_UNITS, 'domain.duration_unit')}
        validate={required()}
      />
      <NumberInput source="reminderAt" step={0.05} defaultValue={0.75} validate={[minValue(0), maxValue(1)]} />
      <ArrayInput source="escalations">
        <SimpleFormIterator inline>
          <NumberInput
            source="level"
            label="resources.sla-policies.fields.escalation_level"
            validate={[required(), minValue(1)]}
          />
          <NumberInput
            source="afterWorkingHours"
            label="resources.sla-policies.fields.afterWorkingHours"
            validate={[required(), minValue(0)]}
          />
          <SelectInput
            source="notify"
            label="resources.sla-policies.fields.notify"
            choices={choices(ESCALATION_TARGETS, 'domain.escalation_target')}
            validate={required()}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <TextInput source="basis" multiline fullWidth />
      <BooleanInput source="active" defaultValue />
    </>
  );
}
