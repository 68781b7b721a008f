/**
 * Starts a follow-up round: a title, the mechanism (or the report the round prepares) and the
 * date to report by. Once started, the dialog says what the server did: the cards queued, those
 * queued already (the same round started again), and the actions nobody was asked about because
 * their lead ministry has no technical focal point, with what to do about them.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Option, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ReportDto } from "../../../../core/api";
import type { StartRoundResultDto } from "../../../../core/api/followup";
import type { Mechanism } from "../../../../core/records/taxonomy";
import { useAction, useResource } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { hrefOf, navigate } from "../../shell/router";
import { useSession } from "../../shell/session";
import { addDays, MECHANISM_CODES, todayIn } from "../../taxonomy";

/** How long the ministries have to report when nobody says otherwise (the schedules' default too). */
const DEFAULT_DAYS_TO_REPORT = 21;

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  counts: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  ministries: { margin: 0, paddingInlineStart: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function StartRoundDialog({ reports, onClose, onStarted }: { reports: readonly ReportDto[]; onClose(): void; onStarted(result: StartRoundResultDto): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, config } = useSession();
  const [title, setTitle] = useState("");
  const [scope, setScope] = useState<"mechanism" | "report">("mechanism");
  const [mechanism, setMechanism] = useState<Mechanism>("UPR");
  const [reportId, setReportId] = useState("");
  const [dueDate, setDueDate] = useState(() => addDays(todayIn(config.timeZone), DEFAULT_DAYS_TO_REPORT));
  const [result, setResult] = useState<StartRoundResultDto>();

  const start = useAction(async () => {
    const started = await api.call("startFollowUpRound", { body: { title: title.trim(), ...(scope === "report" ? { reportId } : { mechanism }), dueDate } });
    setResult(started);
    onStarted(started);
  });

  if (result) return <RoundStarted result={result} onClose={onClose} />;

  const report = reports.find((r) => r.id === reportId);
  const ready = title.trim() && dueDate && (scope === "mechanism" || reportId);
  return (
    <FormDialog title={t("rounds.startTitle")} action={start} canSubmit={Boolean(ready)} submitLabel={start.busy ? t("common.saving") : t("rounds.submit")} onClose={onClose} contentClassName={styles.content}>
      <Field label={t("rounds.title")} hint={t("rounds.titleHint")} required validationMessage={issueFor(start.error, "title")}>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <Field label={t("rounds.for")}>
        <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => setScope(d.value as typeof scope)}>
          <Radio value="mechanism" label={t("rounds.forMechanism")} />
          <Radio value="report" label={t("rounds.forReport")} />
        </RadioGroup>
      </Field>
      {scope === "mechanism" ? (
        <Field label={t("grid.mechanism")} required validationMessage={issueFor(start.error, "mechanism")}>
          <Dropdown value={t(`mechanism.${mechanism}`)} selectedOptions={[mechanism]} onOptionSelect={(_, d) => d.optionValue && setMechanism(d.optionValue as Mechanism)}>
            {MECHANISM_CODES.map((code) => (
              <Option key={code} value={code} text={t(`mechanism.${code}`)}>
                {t(`mechanism.${code}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : (
        <Field label={t("rounds.report")} hint={t("rounds.reportHint")} required validationMessage={issueFor(start.error, "reportId") ?? issueFor(start.error, "mechanism")}>
          <Dropdown placeholder={t("rounds.chooseReport")} value={report ? reportLabel(report, t) : ""} selectedOptions={reportId ? [reportId] : []} onOptionSelect={(_, d) => setReportId(d.optionValue ?? "")}>
            {reports.map((r) => (
              <Option key={r.id} value={r.id} text={reportLabel(r, t)}>
                {reportLabel(r, t)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={t("rounds.due")} required validationMessage={issueFor(start.error, "dueDate")}>
        <Input type="date" value={dueDate} onChange={(_, d) => setDueDate(d.value)} />
      </Field>
    </FormDialog>
  );
}

function reportLabel(report: ReportDto, t: ReturnType<typeof useI18n>["t"]): string {
  return `${report.title} (${t(`mechanism.${report.mechanism}`)})`;
}

/** What the round did: the counts, and the actions nobody was asked about, by ministry. */
function RoundStarted({ result, onClose }: { result: StartRoundResultDto; onClose(): void }) {
  const styles = useStyles();
  const { t, plural } = useI18n();
  const { api, ministries } = useSession();
  const byMinistry = new Map<string, string[]>();
  for (const { actionId, ministryId } of result.unaddressed) byMinistry.set(ministryId, [...(byMinistry.get(ministryId) ?? []), actionId]);
  const ministryIds = [...byMinistry.keys()];
  // The answer names the actions by id: their titles come from the ministries' actions.
  const titles = useResource(
    ministryIds.length ? (signal) => Promise.all(ministryIds.map((ministryId) => api.call("listActions", { query: { ministryId, pageSize: 200 }, signal }))).then((pages) => new Map(pages.flatMap((page) => page.items.map((a) => [a.id, a.title] as const)))) : undefined,
    [api, ministryIds.join(",")],
  );
  const ministryName = (id: string) => ministries.get(id)?.name ?? id;
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("rounds.started", { title: result.round.title })}</DialogTitle>
          <DialogContent className={styles.content}>
            {result.actions === 0 ? (
              <Text>{t("rounds.nothingToAsk")}</Text>
            ) : (
              <ul className={styles.counts}>
                <li>{plural("rounds.asked", result.actions)}</li>
                <li>{plural("rounds.queued", result.queued)}</li>
                {result.alreadyQueued > 0 && <li>{plural("rounds.alreadyQueued", result.alreadyQueued)}</li>}
              </ul>
            )}
            {result.unaddressed.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{plural("rounds.unaddressed", result.unaddressed.length)}</MessageBarTitle> {t("rounds.unaddressedWhy")}
                  <ul className={styles.ministries} aria-label={t("rounds.unaddressedList")}>
                    {[...byMinistry].map(([ministryId, actionIds]) => (
                      <li key={ministryId}>
                        <strong>{ministryName(ministryId)}</strong>
                        <ul className={styles.actions}>
                          {actionIds.map((id) => (
                            <li key={id}>{titles.data?.get(id) ?? t("rounds.actionNumber", { id })}</li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                  <Link
                    href={hrefOf("/ministries")}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate("/ministries");
                    }}
                  >
                    {t("rounds.nameFocalPoints")}
                  </Link>
                </MessageBarBody>
              </MessageBar>
            )}
            <ProblemBar error={titles.error} onRetry={titles.reload} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t("action.close")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
