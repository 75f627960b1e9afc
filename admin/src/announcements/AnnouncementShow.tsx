import {
  EditButton,
  FunctionField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { useCommunes } from '../common/useDirectory';
import { EnumChip, PublishButton, PublishedChip } from './shared';
import { HaTinhDateField } from '../common/HaTinhDateField';

function Actions() {
  return (
    <TopToolbar>
      <PublishButton />
      <EditButton />
    </TopToolbar>
  );
}

function Communes({ codes }: { codes: string[] | undefined }) {
  const translate = useTranslate();
  const { data = [] } = useCommunes();
  if (!codes?.length) return <>{translate('notif.whole_province')}</>;
  const names = new Map(data.map((c) => [c.code, c.fullName]));
  return <>{codes.map((c) => names.get(c) ?? c).join(', ')}</>;
}

export function AnnouncementShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <PublishedChip />
        <ReferenceField source="unitId" reference="units" link={false} />
        <EnumChip source="kind" prefix="notif.announcement_kind" />
        <EnumChip source="severity" prefix="notif.severity" />
        <TextField source="titleVi" />
        <TextField source="bodyVi" sx={{ whiteSpace: 'pre-wrap' }} />
        <TextField source="titleEn" emptyText="—" />
        <TextField source="bodyEn" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        <FunctionField
          source="communeCodes"
          render={(record: { communeCodes?: string[] }) => <Communes codes={record.communeCodes} />}
        />
        <HaTinhDateField source="validFrom" showTime />
        <HaTinhDateField source="validUntil" showTime emptyText="—" />
        <HaTinhDateField source="publishedAt" showTime emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
