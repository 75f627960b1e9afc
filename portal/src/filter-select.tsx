/** A labelled filter select whose first choice is "all" (the feed's and the map's filters). */

export interface FilterChoice {
  value: string;
  label: string;
}

export function FilterSelect({
  id,
  label,
  all,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  /** The first choice, meaning no filter. */
  all: string;
  value: string;
  /** Undefined while they load: only "all" is offered meanwhile. */
  choices: FilterChoice[] | undefined;
  onChange(value: string): void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {choices?.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </>
  );
}
