import { Create, SimpleForm } from 'react-admin';
import { RoutingRuleInputs } from './RoutingRuleInputs';

export function RoutingRuleCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <RoutingRuleInputs />
      </SimpleForm>
    </Create>
  );
}
