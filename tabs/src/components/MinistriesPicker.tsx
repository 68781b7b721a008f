/** Several ministries chosen from a list (supporting ministries, the ministries asked): the field shows their short names. */
import { Dropdown, Option } from "@fluentui/react-components";
import type { MinistryWithFocalPointsDto } from "../../../core/api";

type Ministries = ReadonlyMap<string, MinistryWithFocalPointsDto>;

/** A ministry as tables and fields show it: its acronym, else its name (else its id, when unknown). */
export function ministryShortName(ministries: Ministries, id: string): string {
  return ministries.get(id)?.acronym ?? ministries.get(id)?.name ?? id;
}

export interface MinistriesPickerProps {
  ministries: Ministries;
  /** The ministries offered, in the order shown. */
  options: readonly MinistryWithFocalPointsDto[];
  selected: string[];
  onChange(selected: string[]): void;
  placeholder?: string;
}

export function MinistriesPicker({ ministries, options, selected, onChange, placeholder }: MinistriesPickerProps) {
  return (
    <Dropdown multiselect value={selected.map((id) => ministryShortName(ministries, id)).join(", ")} selectedOptions={selected} onOptionSelect={(_, d) => onChange(d.selectedOptions)} placeholder={placeholder}>
      {options.map((m) => (
        <Option key={m.id} value={m.id}>
          {m.name}
        </Option>
      ))}
    </Dropdown>
  );
}
