/**
 * The secretariat edits a recommendation: what it says and how it is classified, who leads and
 * supports it, whether observers see it. Only changed fields are sent, with the eTag read; if
 * someone changed it meanwhile the server refuses and the form offers to reload.
 */
import { Button, Checkbox, Dropdown, Field, Input, makeStyles, Option, Textarea, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { RecommendationDto, UpdateRecommendationBody } from "../../../../core/api";
import type { UprPosition } from "../../../../core/records/taxonomy";
import { ApiProblem } from "../../api/client";
import { useAction } from "../../api/use-resource";
import { MinistriesPicker } from "../../components/MinistriesPicker";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { POSITION_CODES } from "../../taxonomy";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM }, actions: { display: "flex", gap: tokens.spacingHorizontalS } });

const list = (text: string) =>
  text
    .split(/[\n;]/)
    .map((s) => s.trim())
    .filter(Boolean);

const NONE = "__none__";

export function EditRecommendationForm({ recommendation: r, onSaved, onCancel, onReload }: { recommendation: RecommendationDto; onSaved(r: RecommendationDto): void; onCancel(): void; onReload(): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, ministries } = useSession();
  const [text, setText] = useState(r.text);
  const [themes, setThemes] = useState(r.themes.join("; "));
  const [groups, setGroups] = useState(r.affectedGroups.join("; "));
  const [sdgs, setSdgs] = useState(r.sdgGoals.join(", "));
  const [cluster, setCluster] = useState(r.cluster ?? "");
  const [position, setPosition] = useState<UprPosition | undefined>(r.position);
  const [lead, setLead] = useState(r.leadMinistryId);
  const [supporting, setSupporting] = useState<string[]>(r.supportingMinistryIds);
  const [actionPlan, setActionPlan] = useState(r.actionPlanReference ?? "");
  const [shared, setShared] = useState(r.sharedWithObservers);
  const options = useMemo(() => [...ministries.values()].filter((m) => m.active || m.id === r.leadMinistryId).sort((a, b) => a.name.localeCompare(b.name)), [ministries, r.leadMinistryId]);

  const save = useAction(async () => {
    const changes: UpdateRecommendationBody["changes"] = {};
    if (text !== r.text) changes.text = text;
    if (list(themes).join("|") !== r.themes.join("|")) changes.themes = list(themes);
    if (list(groups).join("|") !== r.affectedGroups.join("|")) changes.affectedGroups = list(groups);
    const goals = sdgs.split(/[,;\s]+/).filter(Boolean).map(Number);
    if (goals.join(",") !== r.sdgGoals.join(",")) changes.sdgGoals = goals;
    if (cluster.trim() !== (r.cluster ?? "")) changes.cluster = cluster.trim() || null;
    if (position !== r.position) changes.position = position ?? null;
    if (lead !== r.leadMinistryId) changes.leadMinistryId = lead ?? null;
    if (supporting.join(",") !== r.supportingMinistryIds.join(",")) changes.supportingMinistryIds = supporting;
    if (actionPlan.trim() !== (r.actionPlanReference ?? "")) changes.actionPlanReference = actionPlan.trim() || null;
    if (shared !== r.sharedWithObservers) changes.sharedWithObservers = shared;
    if (Object.keys(changes).length === 0) return onCancel();
    onSaved(await api.call("updateRecommendation", { params: { id: r.id }, body: { changes, eTag: r.eTag } }));
  });
  const stale = save.error instanceof ApiProblem && save.error.code === "concurrency";

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <Field label={t("edit.text")} required validationMessage={issueFor(save.error, "text")}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={6} resize="vertical" />
      </Field>
      <Field label={t("grid.position")}>
        <Dropdown value={position ? t(`position.${position}`) : t("edit.none")} selectedOptions={[position ?? NONE]} onOptionSelect={(_, d) => setPosition(d.optionValue === NONE ? undefined : (d.optionValue as UprPosition))}>
          <Option value={NONE}>{t("edit.none")}</Option>
          {POSITION_CODES.map((code) => (
            <Option key={code} value={code} text={t(`position.${code}`)}>
              {t(`position.${code}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("grid.lead")}>
        <Dropdown value={lead ? (ministries.get(lead)?.name ?? lead) : t("grid.noLead")} selectedOptions={[lead ?? NONE]} onOptionSelect={(_, d) => setLead(d.optionValue === NONE ? undefined : d.optionValue)}>
          <Option value={NONE}>{t("grid.noLead")}</Option>
          {options.map((m) => (
            <Option key={m.id} value={m.id}>
              {m.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("detail.supporting")}>
        <MinistriesPicker ministries={ministries} options={options} selected={supporting} onChange={setSupporting} placeholder={t("edit.none")} />
      </Field>
      <Field label={t("filter.theme")} hint={t("edit.listHint")}>
        <Input value={themes} onChange={(_, d) => setThemes(d.value)} />
      </Field>
      <Field label={t("detail.groups")} hint={t("edit.listHint")}>
        <Input value={groups} onChange={(_, d) => setGroups(d.value)} />
      </Field>
      <Field label={t("edit.sdgs")} hint={t("edit.sdgsHint")} validationMessage={issueFor(save.error, "sdgGoals")}>
        <Input value={sdgs} onChange={(_, d) => setSdgs(d.value)} inputMode="numeric" />
      </Field>
      <Field label={t("detail.cluster")}>
        <Input value={cluster} onChange={(_, d) => setCluster(d.value)} />
      </Field>
      <Field label={t("detail.actionPlan")}>
        <Input value={actionPlan} onChange={(_, d) => setActionPlan(d.value)} />
      </Field>
      <Checkbox checked={shared} onChange={(_, d) => setShared(Boolean(d.checked))} label={t("detail.shareWithObservers")} />
      <ProblemBar error={save.error} onRetry={stale ? onReload : undefined} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.busy}>
          {save.busy ? t("common.saving") : t("action.save")}
        </Button>
        <Button onClick={onCancel}>{t("action.cancel")}</Button>
      </div>
    </form>
  );
}
