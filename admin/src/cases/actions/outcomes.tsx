/**
 * The form of each answer a task may take (domain/task-outcomes.ts says what data each needs; the
 * same limits are checked here for a quick hint, and by the API and the workflow for real).
 */
import type { ReactNode } from 'react';
import {
  AutocompleteInput,
  NumberInput,
  SelectInput,
  TextInput,
  maxValue,
  minLength,
  minValue,
  required,
  type Validator,
} from 'react-admin';
import { CASE_LEVELS, choices } from '../../common/choices';
import { useCategoryChoices, useUnitChoices } from '../../common/useDirectory';
import type { Task } from '../../providers/dataProvider';
import { AssigneeInput } from './AssigneeInput';
import { ProofUpload } from './ProofUpload';
import { RoutingSuggestion } from './RoutingSuggestion';
import { SimilarCasesPicker } from './SimilarCasesPicker';
import { SubmittedReply } from './SubmittedReply';
import { TemplatePicker } from './TemplatePicker';

export interface OutcomeFormProps {
  record: Record<string, any>;
  task: Task;
}

export interface OutcomeForm {
  Inputs: (props: OutcomeFormProps) => ReactNode;
  defaults?: (props: OutcomeFormProps) => Record<string, unknown>;
  validate?: (values: Record<string, any>) => Record<string, string | undefined>;
  /** Destructive or final answers get the error colour on their button. */
  tone?: 'primary' | 'error' | 'warning';
}

const reasonRules: Validator[] = [required(), minLength(5)];
const workingDaysRules: Validator[] = [required(), minValue(1), maxValue(60)];

const Note = () => <TextInput source="note" label="resources.cases.action.note" multiline minRows={2} fullWidth />;

function Reason({
  purpose,
  source = 'reason',
  label = 'resources.cases.action.reason',
  codeField,
}: {
  purpose: string;
  source?: string;
  label?: string;
  codeField?: string;
}) {
  return (
    <>
      <TemplatePicker purpose={purpose} target={source} codeField={codeField} />
      <TextInput source={source} label={label} validate={reasonRules} multiline minRows={4} fullWidth />
    </>
  );
}

function VerifyAcceptInputs() {
  const categories = useCategoryChoices();
  return (
    <>
      <SelectInput
        source="level"
        label="resources.cases.action.level"
        choices={choices(CASE_LEVELS, 'domain.level')}
        fullWidth
      />
      <AutocompleteInput
        source="categoryCode"
        label="resources.cases.action.category"
        choices={categories}
        translateChoice={false}
        fullWidth
      />
      <Note />
    </>
  );
}

function RouteInputs() {
  const units = useUnitChoices();
  return (
    <>
      <RoutingSuggestion />
      <AutocompleteInput
        source="unitId"
        label="resources.cases.action.unit"
        choices={units}
        translateChoice={false}
        validate={required()}
        fullWidth
      />
      <Note />
    </>
  );
}

export const OUTCOME_FORMS: Record<string, OutcomeForm> = {
  'verify.accept': {
    Inputs: VerifyAcceptInputs,
    defaults: ({ record }) => ({ level: record.level, categoryCode: record.categoryCode }),
  },
  'verify.reject': { Inputs: () => <Reason purpose="reject" codeField="templateCode" />, tone: 'error' },
  'verify.duplicate': {
    Inputs: () => (
      <>
        <SimilarCasesPicker />
        <TextInput source="duplicateOf" label="resources.cases.action.duplicate_of" validate={required()} fullWidth />
        <Note />
      </>
    ),
    tone: 'warning',
  },
  'verify.request_info': {
    Inputs: () => <Reason purpose="request_info" source="question" label="resources.cases.action.question" />,
  },
  'route.route': { Inputs: RouteInputs },
  'accept.accept': { Inputs: Note },
  'accept.return': { Inputs: () => <Reason purpose="return" />, tone: 'warning' },
  'assign.assign': {
    Inputs: ({ task }) => (
      <>
        <AssigneeInput unitId={task.unitId} />
        <Note />
      </>
    ),
  },
  'process.reply': {
    Inputs: () => (
      <>
        <TemplatePicker purpose="reply" target="reply" />
        <TextInput
          source="reply"
          label="resources.cases.action.reply"
          validate={[required(), minLength(20)]}
          multiline
          minRows={6}
          fullWidth
        />
        <ProofUpload />
      </>
    ),
    defaults: () => ({ attachmentIds: [] }),
    validate: (values) => (values.attachmentIds?.length ? {} : { attachmentIds: 'ra.validation.required' }),
  },
  'process.request_extension': {
    Inputs: () => (
      <>
        <NumberInput source="workingDays" label="resources.cases.action.working_days" validate={workingDaysRules} />
        <TextInput
          source="reason"
          label="resources.cases.action.reason"
          validate={reasonRules}
          multiline
          minRows={3}
          fullWidth
        />
      </>
    ),
  },
  'extension.grant': {
    Inputs: () => (
      <>
        <NumberInput source="workingDays" label="resources.cases.action.working_days" validate={workingDaysRules} />
        <Note />
      </>
    ),
  },
  'extension.deny': { Inputs: () => <Reason purpose="deny" />, tone: 'warning' },
  'approve.approve': {
    Inputs: ({ record }) => (
      <>
        <SubmittedReply caseId={record.id} />
        <Note />
      </>
    ),
  },
  'approve.send_back': {
    Inputs: ({ record }) => (
      <>
        <SubmittedReply caseId={record.id} />
        <Reason purpose="send_back" source="comment" label="resources.cases.action.comment" />
      </>
    ),
    tone: 'warning',
  },
  'review.reopen': {
    Inputs: () => (
      <TextInput
        source="comment"
        label="resources.cases.action.comment"
        validate={reasonRules}
        multiline
        minRows={3}
        fullWidth
      />
    ),
    tone: 'warning',
  },
  'review.close': {
    Inputs: () => (
      <TextInput
        source="comment"
        label="resources.cases.action.comment"
        validate={reasonRules}
        multiline
        minRows={3}
        fullWidth
      />
    ),
  },
};

/** Values as the API wants them: empty optional fields left out. */
export function outcomeData(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([, v]) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === ''),
    ),
  );
}
