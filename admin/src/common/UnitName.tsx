/** A unit's name from its id: the official's own units, else the public directory. */
import { useTranslate } from 'react-admin';
import { useUnits } from './useDirectory';
import { useMe } from './useMe';

export function useUnitName() {
  const me = useMe();
  const { data: units } = useUnits();
  return (id: string | null | undefined) => {
    if (!id) return undefined;
    return me?.units.find((u) => u.id === id)?.name ?? units?.find((u) => u.id === id)?.name;
  };
}

export function UnitName({ id }: { id: string | null | undefined }) {
  const translate = useTranslate();
  const name = useUnitName()(id);
  return <>{name ?? (id ? id.slice(0, 8) : translate('app.none'))}</>;
}
