import { Edit, SimpleForm } from 'react-admin';
import { RoutingRuleInputs } from './RoutingRuleInputs';

export function RoutingRuleEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <RoutingRuleInputs />
      </SimpleForm>
    </Edit>
  );
}
