/**
 * A recommendation's themes chosen from the mechanism's vocabulary (the themes its
 * recommendations use, GET /api/themes), not typed: a new theme is added on purpose, and one
 * that is already there under another case or accents is the one chosen.
 */
import { Button, Dropdown, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ThemeListDto } from "../../../../core/api";
import type { Mechanism } from "../../../../core/records/taxonomy";
import { useResource } from "../../api/use-resource";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS }, add: { display: "flex", gap: tokens.spacingHorizontalS } });

const identity = (name: string) => name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().replace(/\s+/g, " ").toLowerCase();

export function ThemesPicker({ mechanism, selected, onChange, labelledBy }: { mechanism: Mechanism; selected: string[]; onChange(themes: string[]): void; labelledBy?: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const vocabulary = useResource<ThemeListDto>((signal) => api.call("listThemes", { query: { mechanism }, signal }), [api, mechanism]);
  const [typed, setTyped] = useState("");
  const options = useMemo(() => {
    const names = new Map<string, string>();
    for (const name of [...selected, ...(vocabulary.data?.items.map((i) => i.name) ?? [])]) if (!names.has(identity(name))) names.set(identity(name), name);
    return [...names.values()].sort((a, b) => a.localeCompare(b));
  }, [selected, vocabulary.data]);
  const add = () => {
    const name = typed.trim().replace(/\s+/g, " ");
    if (!name) return;
    const known = options.find((o) => identity(o) === identity(name)) ?? name;
    if (!selected.some((s) => identity(s) === identity(known))) onChange([...selected, known]);
    setTyped("");
  };
  return (
    <div className={styles.root}>
      <Dropdown multiselect aria-labelledby={labelledBy} value={selected.join("; ")} placeholder={t("edit.none")} selectedOptions={selected} onOptionSelect={(_, d) => onChange(options.filter((o) => d.selectedOptions.includes(o)))}>
        {options.map((name) => (
          <Option key={name} value={name}>
            {name}
          </Option>
        ))}
      </Dropdown>
      <div className={styles.add}>
        <Input
          aria-label={t("themes.newTheme")}
          placeholder={t("themes.newTheme")}
          value={typed}
          onChange={(_, d) => setTyped(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button onClick={add} disabled={!typed.trim()}>
          {t("themes.add")}
        </Button>
      </div>
    </div>
  );
}
