import {
  DateField,
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
        <DateField source="validFrom" showTime />
        <DateField source="validUntil" showTime emptyText="—" />
        <DateField source="publishedAt" showTime emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}
