/** The audit log: who changed what, when, newest first; filtered by list, record, person or action. */
import { Button, Dropdown, Field, Input, makeStyles, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { AuditEntryDto } from "../../../../core/api";
import { isAbort } from "../../api/client";
import { Loading } from "../../components/Loading";
import { ExportMenu } from "../../components/ExportMenu";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { STATUS_CODES } from "../../taxonomy";

const ENTITIES = ["recommendations", "reports", "milestones", "requests", "contributions", "drafts", "reviews", "ministries", "focalPoints", "consultations", "visits", "communications"] as const;
const ANY = "__any__";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end", marginBlockEnd: tokens.spacingVerticalM },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  when: { whiteSpace: "nowrap" },
});

function show(value: unknown): string {
  if (value === undefined || value === null) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

const IMPLEMENTATION_STATUSES = new Set<string>(STATUS_CODES);

/** A changed field under its label in the person's language (the grid's words), not its stored name. */
const FIELD_LABELS: Record<string, string> = {
  text: "grid.text",
  mechanism: "grid.mechanism",
  cycle: "grid.cycle",
  session: "filter.session",
  position: "grid.position",
  leadMinistryId: "grid.lead",
  status: "grid.status",
  themes: "filter.theme",
  sdgGoals: "filter.sdg",
};

export default function AuditView() {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const { api, personas, ministries } = useSession();
  const label = (field: string) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field] as "grid.status") : field);
  const valueOf = (field: string, value: unknown) => {
    if (field.endsWith("MinistryId") && typeof value === "string") return ministries.get(value)?.name ?? value;
    // A recommendation's status in words ("In progress"), as its badge says it.
    if (field === "status" && typeof value === "string" && IMPLEMENTATION_STATUSES.has(value)) return t(`status.${value}` as "status.implemented");
    return show(value);
  };
  const [entity, setEntity] = useState<string>();
  const [entityId, setEntityId] = useState("");
  const [action, setAction] = useState("");
  const [actorId, setActorId] = useState<string>();
  const [entries, setEntries] = useState<AuditEntryDto[]>();
  const [next, setNext] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [generation, setGeneration] = useState(0);

  const query = { entity, entityId: entityId.trim() || undefined, action: action.trim() || undefined, actorId, pageSize: 100 };
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api.call("listAudit", { query: JSON.parse(queryKey) as typeof query, signal: controller.signal }).then(
      (page) => {
        setEntries(page.items);
        setNext(page.nextPageToken);
        setLoading(false);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [api, queryKey, generation]);

  const more = async () => {
    if (!next) return;
    setLoading(true);
    try {
      const page = await api.call("listAudit", { query: { ...query, pageToken: next } });
      setEntries((list) => [...(list ?? []), ...page.items]);
      setNext(page.nextPageToken);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={<ExportMenu name={t("audit.title")} load={(format, lang) => api.call("exportAudit", { query: { entity, entityId: entityId.trim() || undefined, action: action.trim() || undefined, actorId, format, lang } })} />}
      />
      <div className={styles.bar} role="search" aria-label={t("filter.label")}>
        <Field label={t("audit.entity")}>
          <Dropdown value={entity ? t(`audit.entity.${entity}` as "audit.entity.requests") : t("filter.any")} selectedOptions={[entity ?? ANY]} onOptionSelect={(_, d) => setEntity(d.optionValue === ANY ? undefined : d.optionValue)}>
            <Option value={ANY}>{t("filter.any")}</Option>
            {ENTITIES.map((e) => (
              <Option key={e} value={e} text={t(`audit.entity.${e}`)}>
                {t(`audit.entity.${e}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("audit.entityId")}>
          <Input value={entityId} onChange={(_, d) => setEntityId(d.value)} />
        </Field>
        <Field label={t("audit.action")} hint={t("audit.actionHint")}>
          <Input value={action} onChange={(_, d) => setAction(d.value)} />
        </Field>
        {personas && (
          <Field label={t("audit.who")}>
            <Dropdown value={actorId ? (personas.find((p) => p.id === actorId)?.displayName ?? actorId) : t("filter.any")} selectedOptions={[actorId ?? ANY]} onOptionSelect={(_, d) => setActorId(d.optionValue === ANY ? undefined : d.optionValue)}>
              <Option value={ANY}>{t("filter.any")}</Option>
              {personas.map((p) => (
                <Option key={p.id} value={p.id}>
                  {p.displayName}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
      </div>
      <ProblemBar error={error} onRetry={() => setGeneration((g) => g + 1)} />
      {entries && entries.length === 0 && <Text>{t("audit.empty")}</Text>}
      {entries && entries.length > 0 && (
        // Focusable: a table wider than a narrow window scrolls sideways with the keyboard too.
        <div className={styles.scroll} tabIndex={0} role="region" aria-label={t("audit.title")}>
        <Table className={styles.table} size="small" aria-label={t("audit.title")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("audit.when")}</TableHeaderCell>
              <TableHeaderCell>{t("audit.who")}</TableHeaderCell>
              <TableHeaderCell>{t("audit.what")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell className={styles.when}>{dateTime(entry.at)}</TableCell>
                <TableCell>{entry.actorName}</TableCell>
                <TableCell>
                  <Text>{entry.summary}</Text>
                  {entry.changes.length > 0 && (
                    <ul className={styles.changes}>
                      {entry.changes.slice(0, 8).map((change) => (
                        <li key={change.field}>{t("audit.change", { field: label(change.field), from: valueOf(change.field, change.from), to: valueOf(change.field, change.to) })}</li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        </div>
      )}
      {loading && <Loading />}
      {next && !loading && <Button onClick={() => void more()}>{t("audit.more")}</Button>}
    </>
  );
}
