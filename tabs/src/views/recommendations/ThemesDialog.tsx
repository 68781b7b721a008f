/**
 * The secretariat's themes: the themes the recommendations use (of the mechanism the grid
 * shows), each with how many carry it and the names that are probably the same theme; tick one
 * to rename it or several to merge them, name the result, preview how many recommendations
 * change, then re-tag them all (POST /api/themes/rename; each change audited on the server).
 */
import { Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { RenameThemesResultDto, ThemeListDto } from "../../../../core/api";
import type { Mechanism } from "../../../../core/records/taxonomy";
import { useAction, useResource } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { Loading } from "../../components/Loading";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0, maxHeight: "40vh", overflowY: "auto", display: "flex", flexDirection: "column" },
  muted: { color: tokens.colorNeutralForeground3, paddingInlineStart: tokens.spacingHorizontalXXL },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function ThemesDialog({ mechanism, onClose, onDone }: { mechanism?: Mechanism; onClose(): void; onDone(changed: number): void }) {
  const styles = useStyles();
  const { t, plural } = useI18n();
  const { api } = useSession();
  const themes = useResource<ThemeListDto>((signal) => api.call("listThemes", { query: { mechanism }, signal }), [api, mechanism]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [name, setName] = useState("");
  const [preview, setPreview] = useState<RenameThemesResultDto>();
  const [done, setDone] = useState<RenameThemesResultDto>();
  const target = name.trim() || chosen[0] || "";
  const body = { from: chosen, to: target, mechanism };
  const run = useAction(async () => {
    if (!preview) return setPreview(await api.call("renameThemes", { body }));
    const result = await api.call("renameThemes", { body: { ...body, apply: true } });
    setDone(result);
    setPreview(undefined);
    setChosen([]);
    themes.reload();
    onDone(result.updated);
  });
  const toggle = (theme: string, on: boolean) => {
    setPreview(undefined);
    setChosen((c) => (on ? [...c, theme] : c.filter((x) => x !== theme)));
  };

  return (
    <FormDialog
      title={t("themes.title")}
      action={run}
      canSubmit={chosen.length > 0 && target.length > 0 && (!preview || preview.changed > 0)}
      submitLabel={preview ? plural("themes.apply", preview.changed) : t("themes.preview")}
      onClose={onClose}
      contentClassName={styles.content}
    >
      <Text>{t("themes.help")}</Text>
      <ProblemBar error={themes.error} onRetry={themes.reload} />
      {!themes.data && !themes.error && <Loading />}
      {themes.data && (
        <ul className={styles.list} aria-label={t("themes.list")}>
          {themes.data.items.map((theme) => (
            <li key={theme.name}>
              <Checkbox checked={chosen.includes(theme.name)} onChange={(_, d) => toggle(theme.name, Boolean(d.checked))} label={plural("themes.entry", theme.count, { name: theme.name })} />
              {theme.similar.length > 0 && <Text className={styles.muted}>{t("themes.similar", { names: theme.similar.join("; ") })}</Text>}
            </li>
          ))}
        </ul>
      )}
      <Field label={t("themes.newName")} hint={chosen.length > 1 ? t("themes.mergeHint") : undefined}>
        <Input
          value={name}
          placeholder={chosen[0]}
          onChange={(_, d) => {
            setPreview(undefined);
            setName(d.value);
          }}
        />
      </Field>
      {preview && (
        <MessageBar intent={preview.changed ? "info" : "warning"}>
          <MessageBarBody>
            {plural("themes.willChange", preview.changed, { name: target })}
            {preview.notFound.length > 0 && ` ${t("themes.notFound", { names: preview.notFound.join("; ") })}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <MessageBar intent={done.failed ? "warning" : "success"}>
          <MessageBarBody>
            {plural("themes.done", done.updated)}
            {done.failed > 0 && ` ${plural("themes.failed", done.failed)}`}
          </MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
