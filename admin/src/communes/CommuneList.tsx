import {
  BooleanField,
  DataTable,
  SearchInput,
  SelectInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ConfigList } from '../common/ConfigList';
import { BoundaryImportButton } from './BoundaryImport';

const KINDS = ['ward', 'commune', 'town'] as const;

function KindField() {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{record?.kind ? translate(`domain.commune_kind.${record.kind}`) : null}</>;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={KINDS.map((id) => ({ id, name: `domain.commune_kind.${id}` }))} />,
  <SelectInput
    key="hasBoundary"
    source="hasBoundary"
    choices={[
      { id: true, name: 'resources.communes.boundary.with' },
      { id: false, name: 'resources.communes.boundary.without' },
    ]}
  />,
];

export function CommuneList() {
  return (
    <ConfigList
      filters={filters}
      sort={{ field: 'sortOrder', order: 'ASC' }}
      perPage={100}
      actions={
        <TopToolbar>
          <BoundaryImportButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="edit">
        <DataTable.Col source="code" />
        <DataTable.Col source="name" />
        <DataTable.Col source="kind" field={KindField} />
        <DataTable.Col source="hasBoundary" field={BooleanField} disableSort />
        <DataTable.Col source="sortOrder" />
        <DataTable.Col source="active" field={BooleanField} />
      </DataTable>
    </ConfigList>
  );
}
