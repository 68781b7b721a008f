/**
 * The secretariat edits a recommendation: what it says and how it is classified, who leads and
 * supports it, whether observers see it. Only changed fields are sent, with the eTag read. If
 * someone saved it meanwhile the server refuses (412, with the recommendation as it is now) and
 * nothing typed is lost: what the person did not touch takes the saved value, what both changed
 * is shown side by side (the person's value kept unless "Use the saved value"), and the next save goes
 * against the version now saved.
 */
import { Button, Checkbox, Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Option, Text, Textarea, tokens } from "@fluentui/react-components";
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
import { ThemesPicker } from "./ThemesPicker";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  merge: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, listStyleType: "none", padding: 0, margin: 0 },
  mergeRow: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBlockEnd: tokens.spacingVerticalS, borderBlockEndWidth: tokens.strokeWidthThin, borderBlockEndStyle: "solid", borderBlockEndColor: tokens.colorNeutralStroke2 },
  value: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

/** The form's fields as typed: what is compared, field by field, when someone saved meanwhile. */
interface FormValues {
  text: string;
  themes: string;
  groups: string;
  sdgs: string;
  cluster: string;
  position?: UprPosition;
  lead?: string;
  supporting: string[];
  actionPlan: string;
  shared: boolean;
}
type FieldName = keyof FormValues;
const FIELDS: FieldName[] = ["text", "position", "lead", "supporting", "themes", "groups", "sdgs", "cluster", "actionPlan", "shared"];

function valuesOf(r: RecommendationDto): FormValues {
  return {
    text: r.text,
    themes: r.themes.join("; "),
    groups: r.affectedGroups.join("; "),
    sdgs: r.sdgGoals.join(", "),
    cluster: r.cluster ?? "",
    position: r.position,
    lead: r.leadMinistryId,
    supporting: r.supportingMinistryIds,
    actionPlan: r.actionPlanReference ?? "",
    shared: r.sharedWithObservers,
  };
}

/** Two values of a field are the same when they would save the same. */
function sameValue(field: FieldName, a: FormValues, b: FormValues): boolean {
  switch (field) {
    case "themes":
    case "groups":
      return list(a[field]).join("|") === list(b[field]).join("|");
    case "sdgs":
      return a.sdgs.split(/[,;\s]+/).filter(Boolean).join(",") === b.sdgs.split(/[,;\s]+/).filter(Boolean).join(",");
    case "supporting":
      return a.supporting.join(",") === b.supporting.join(",");
    case "text":
      return a.text === b.text;
    case "cluster":
    case "actionPlan":
      return a[field].trim() === b[field].trim();
    default:
      return a[field] === b[field];
  }
}

/**
 * Merges what the person typed onto the version saved meanwhile: a field they did not change
 * takes the saved value, one only they changed keeps theirs, and a field both changed
 * differently is a conflict: the person's value stays, the saved one is shown beside it.
 */
export function mergeOnto(base: FormValues, mine: FormValues, saved: FormValues): { values: FormValues; conflicts: FieldName[] } {
  const values = { ...mine };
  const conflicts: FieldName[] = [];
  for (const field of FIELDS) {
    if (sameValue(field, mine, base)) (values as Record<FieldName, unknown>)[field] = saved[field];
    else if (!sameValue(field, saved, base) && !sameValue(field, mine, saved)) conflicts.push(field);
  }
  return { values, conflicts };
}

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
  // The version the changes are made against (the one read, or the one saved meanwhile) and what is typed.
  const [base, setBase] = useState<RecommendationDto>(r);
  const [form, setForm] = useState<FormValues>(() => valuesOf(r));
  const [conflicts, setConflicts] = useState<FieldName[]>([]);
  const set = <F extends FieldName>(field: F, value: FormValues[F]) => setForm((f) => ({ ...f, [field]: value }));
  const { text, themes, groups, sdgs, cluster, position, lead, supporting, actionPlan, shared } = form;
  const options = useMemo(() => [...ministries.values()].filter((m) => m.active || m.id === r.leadMinistryId).sort((a, b) => a.name.localeCompare(b.name)), [ministries, r.leadMinistryId]);

  const save = useAction(async () => {
    const r = base;
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
    try {
      onSaved(await api.call("updateRecommendation", { params: { id: r.id }, body: { changes, eTag: r.eTag } }));
    } catch (error) {
      const current = error instanceof ApiProblem && error.code === "concurrency" ? (error.current as RecommendationDto | undefined) : undefined;
      if (!current?.eTag) throw error;
      // Someone saved it meanwhile: keep what was typed, against the version saved now.
      const merged = mergeOnto(valuesOf(r), form, valuesOf(current));
      setBase(current);
      setForm(merged.values);
      setConflicts(merged.conflicts);
      throw error;
    }
  });
  const stale = save.error instanceof ApiProblem && save.error.code === "concurrency";
  const merging = stale && base !== r;
  const savedValues = valuesOf(base);
  const shown = (field: FieldName, values: FormValues): string => {
    const value = values[field];
    if (field === "position") return values.position ? t(`position.${values.position}`) : t("edit.none");
    if (field === "lead") return values.lead ? (ministries.get(values.lead)?.name ?? values.lead) : t("grid.noLead");
    if (field === "supporting") return values.supporting.length ? values.supporting.map((id) => ministries.get(id)?.name ?? id).join("; ") : t("edit.none");
    if (field === "shared") return values.shared ? t("common.yes") : t("common.no");
    return String(value).trim() || t("edit.none");
  };
  const labelOf: Record<FieldName, string> = {
    text: t("edit.text"),
    position: t("grid.position"),
    lead: t("grid.lead"),
    supporting: t("detail.supporting"),
    themes: t("filter.theme"),
    groups: t("detail.groups"),
    sdgs: t("edit.sdgs"),
    cluster: t("detail.cluster"),
    actionPlan: t("detail.actionPlan"),
    shared: t("detail.shareWithObservers"),
  };
  const open = conflicts.filter((field) => !sameValue(field, form, savedValues));

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <Field label={t("edit.text")} required validationMessage={issueFor(save.error, "text")}>
        <Textarea value={text} onChange={(_, d) => set("text", d.value)} rows={6} resize="vertical" />
      </Field>
      <Field label={t("grid.position")}>
        <Dropdown value={position ? t(`position.${position}`) : t("edit.none")} selectedOptions={[position ?? NONE]} onOptionSelect={(_, d) => set("position", d.optionValue === NONE ? undefined : (d.optionValue as UprPosition))}>
          <Option value={NONE}>{t("edit.none")}</Option>
          {POSITION_CODES.map((code) => (
            <Option key={code} value={code} text={t(`position.${code}`)}>
              {t(`position.${code}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("grid.lead")}>
        <Dropdown value={lead ? (ministries.get(lead)?.name ?? lead) : t("grid.noLead")} selectedOptions={[lead ?? NONE]} onOptionSelect={(_, d) => set("lead", d.optionValue === NONE ? undefined : d.optionValue)}>
          <Option value={NONE}>{t("grid.noLead")}</Option>
          {options.map((m) => (
            <Option key={m.id} value={m.id}>
              {m.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("detail.supporting")}>
        <MinistriesPicker ministries={ministries} options={options} selected={supporting} onChange={(ids) => set("supporting", ids)} placeholder={t("edit.none")} />
      </Field>
      <Field label={{ children: t("filter.theme"), id: `themes-${r.id}` }}>
        <ThemesPicker mechanism={r.mechanism} labelledBy={`themes-${r.id}`} selected={list(themes)} onChange={(chosen) => set("themes", chosen.join("; "))} />
      </Field>
      <Field label={t("detail.groups")} hint={t("edit.listHint")}>
        <Input value={groups} onChange={(_, d) => set("groups", d.value)} />
      </Field>
      <Field label={t("edit.sdgs")} hint={t("edit.sdgsHint")} validationMessage={issueFor(save.error, "sdgGoals")}>
        <Input value={sdgs} onChange={(_, d) => set("sdgs", d.value)} inputMode="numeric" />
      </Field>
      <Field label={t("detail.cluster")}>
        <Input value={cluster} onChange={(_, d) => set("cluster", d.value)} />
      </Field>
      <Field label={t("detail.actionPlan")}>
        <Input value={actionPlan} onChange={(_, d) => set("actionPlan", d.value)} />
      </Field>
      <Checkbox checked={shared} onChange={(_, d) => set("shared", Boolean(d.checked))} label={t("detail.shareWithObservers")} />
      {merging ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("edit.conflictTitle")}</MessageBarTitle>
            {open.length ? t("edit.conflictBoth") : t("edit.conflictMerged")}
            {open.length > 0 && (
              <ul className={styles.merge} aria-label={t("edit.conflictList")}>
                {open.map((field) => (
                  <li key={field} className={styles.mergeRow} aria-label={labelOf[field]}>
                    <Text weight="semibold">{labelOf[field]}</Text>
                    <Text className={styles.value}>{t("edit.yours", { value: shown(field, form) })}</Text>
                    <Text className={styles.value}>{t("edit.savedNow", { value: shown(field, savedValues) })}</Text>
                    <Button size="small" onClick={() => set(field, savedValues[field])}>
                      {t("edit.useSaved")}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <ProblemBar error={save.error} onRetry={stale ? onReload : undefined} />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.busy}>
          {save.busy ? t("common.saving") : t("action.save")}
        </Button>
        <Button onClick={onCancel}>{t("action.cancel")}</Button>
      </div>
    </form>
  );
}
