import { useRecordContext } from 'react-admin';

/**
 * The category's icon as citizens see it (the API's /api/v1/icons/<name>.svg) beside its name,
 * so an administrator sees at once whether the Material Symbols name they typed exists.
 */
export function CategoryIconField() {
  const record = useRecordContext<{ icon?: string }>();
  if (!record?.icon) return null;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <img src={`/api/v1/icons/${encodeURIComponent(record.icon)}.svg`} alt="" width={24} height={24} />
      <code>{record.icon}</code>
    </span>
  );
}
