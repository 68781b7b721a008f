/**
 * Data needing attention: the rows people left in SharePoint in a state the app cannot use, list
 * by list: which row, what is wrong in words, a link to the item in SharePoint, and a form that
 * fixes the broken columns (sent with the row's eTag; the server refuses a stale or still invalid fix).
 */
import { Button, Card, CardHeader, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { RowNeedingAttentionDto } from "../../../../core/api/data-quality";
import { useAction, useResource } from "../../api/use-resource";
import { Loading } from "../../components/Loading";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n, type MessageKey } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  card: { maxWidth: "760px" },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

const PROBLEM_WORDS: Record<RowNeedingAttentionDto["problems"][number]["kind"], MessageKey> = {
  required: "dataQuality.problem.required",
  not_a_choice: "dataQuality.problem.not_a_choice",
  not_a_number: "dataQuality.problem.not_a_number",
  not_a_date: "dataQuality.problem.not_a_date",
  too_long: "dataQuality.problem.too_long",
  not_valid: "dataQuality.problem.not_valid",
  missing_target: "dataQuality.problem.missing_target",
};

/**
 * The words of a choice, where the tab has them: a record's field → its messages' prefix
 * (`status.in-progress`); other choices are shown as their codes.
 */
const CHOICE_MESSAGES: Record<string, string> = {
  "recommendations.status": "status.",
  "recommendations.position": "position.",
  "recommendations.mechanism": "mechanism.",
  "contributions.reportedStatus": "status.",
  "requests.status": "requestStatus.",
  "reports.status": "reportStatus.",
  "reports.type": "reportType.",
  "reports.mechanism": "mechanism.",
  "actions.status": "actionStatus.",
};

function shown(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

export default function DataQualityView() {
  const styles = useStyles();
  const { t, plural } = useI18n();
  const { api } = useSession();
  const report = useResource((signal) => api.call("readDataQuality", { signal }), [api]);
  const [fixed, setFixed] = useState<string>();
  const rows = report.data?.rows ?? [];
  return (
    <>
      <PageHeader title={t("nav.dataQuality")} description={t("dataQuality.description")} />
      <ProblemBar error={report.error} onRetry={report.reload} />
      {!report.data && !report.error && <Loading />}
      {fixed && (
        <MessageBar intent="success">
          <MessageBarBody>{fixed}</MessageBarBody>
        </MessageBar>
      )}
      {report.data && (rows.length === 0 ? <Text>{t("dataQuality.none")}</Text> : <Text>{plural("dataQuality.count", report.data.total)}</Text>)}
      <div className={styles.list}>
        {rows.map((row) => (
          <RowCard
            key={`${row.kind}:${row.id}:${row.eTag ?? ""}`}
            row={row}
            onFixed={() => {
              setFixed(t("dataQuality.fixed", { list: row.list, id: row.id }));
              report.reload();
            }}
          />
        ))}
      </div>
    </>
  );
}

function RowCard({ row, onFixed }: { row: RowNeedingAttentionDto; onFixed: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, me } = useSession();
  // A value that is not one of the choices starts the form empty: the person picks one of them.
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(row.problems.map((p) => [p.field, p.choices ? "" : shown(p.value)])));
  const choiceWords = (field: string, code: string) => {
    const prefix = CHOICE_MESSAGES[`${row.kind}.${field}`];
    return prefix ? t(`${prefix}${code}` as MessageKey) : code;
  };
  const fix = useAction(async () => {
    const fields = Object.fromEntries(row.problems.map((p) => [p.field, values[p.field]?.trim() ? values[p.field]! : null]));
    await api.call("fixRow", { params: { kind: row.kind, id: row.id }, body: { eTag: row.eTag ?? "", fields } });
    onFixed();
  });
  const name = t("dataQuality.rowName", { list: row.list, id: row.id, title: row.title ?? "" });
  return (
    <Card className={styles.card} aria-label={name}>
      <CardHeader header={<Text weight="semibold">{name}</Text>} description={row.webUrl ? <Link href={row.webUrl} target="_blank" rel="noreferrer">{t("dataQuality.open")}</Link> : undefined} />
      <ul className={styles.problems}>
        {row.problems.map((p) => (
          <li key={p.field}>{t(PROBLEM_WORDS[p.kind], { column: p.column, value: shown(p.value) })}</li>
        ))}
      </ul>
      {me.can.fixData && row.eTag && (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void fix.run();
          }}
        >
          {row.problems.map((p) =>
            p.choices ? (
              <Field key={p.field} label={p.column} hint={t("dataQuality.pickHint")}>
                <Select value={values[p.field] ?? ""} onChange={(_, data) => setValues((current) => ({ ...current, [p.field]: data.value }))}>
                  <option value="">{t("dataQuality.pickNone")}</option>
                  {p.choices.map((code) => (
                    <option key={code} value={code}>
                      {choiceWords(p.field, code)}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : (
              <Field key={p.field} label={p.column} hint={t("dataQuality.clearHint")}>
                <Input value={values[p.field] ?? ""} onChange={(_, data) => setValues((current) => ({ ...current, [p.field]: data.value }))} />
              </Field>
            ),
          )}
          <ProblemBar error={fix.error} />
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={fix.busy}>
              {t("dataQuality.fix")}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
