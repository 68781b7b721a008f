/**
 * "Waiting for you": what came back from the ministries and waits for the secretariat's
 * decision (an ask for more time, "not our ministry", a card that reached nobody, an escalation,
 * an answer to review), each with its actions at hand: grant (the date asked filled in) or refuse
 * with a reason, move to another ministry, send again, accept the answer or send it back with a
 * comment. The focal point hears each decision in chat. On the Overview and in Requests.
 */
import { Badge, Button, Dropdown, Field, Input, Link, makeStyles, Option, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { DecideRequestBody, DecisionItemDto, RequestDto } from "../../../../core/api";
import { decisionsWaiting, type DecisionKind } from "../../../../core/requests/decisions";
import { useAction, useResource } from "../../api/use-resource";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { Loading } from "../../components/Loading";
import { useI18n } from "../../i18n/i18n";
import { hrefOf, navigate } from "../../shell/router";
import { useSession } from "../../shell/session";
import { addDays } from "../../taxonomy";
import { subjectLabel } from "./subject";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, marginBlockEnd: tokens.spacingVerticalL, minWidth: 0 },
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingBlockEnd: tokens.spacingVerticalS, borderBlockEndWidth: tokens.strokeWidthThin, borderBlockEndStyle: "solid", borderBlockEndColor: tokens.colorNeutralStroke2, minWidth: 0 },
  line: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  clip: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
  input: { minWidth: "0", maxWidth: "100%" },
});

export function DecisionsInbox({ reportId, limit, onChanged }: { reportId?: string; limit?: number; onChanged?(request: RequestDto): void }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, plural, number } = i18n;
  const { api } = useSession();
  const [done, setDone] = useState<string>();
  const decisions = useResource((signal) => api.call("listDecisions", { signal }).then((r) => r.items), [api]);
  const items = (decisions.data ?? []).filter((item) => !reportId || item.reportId === reportId);
  const shown = limit ? items.slice(0, limit) : items;

  const decided = (before: DecisionItemDto, after: RequestDto, message: string) => {
    setDone(message);
    onChanged?.(after);
    decisions.set((list) =>
      list?.flatMap((item) => {
        if (item.id !== before.id) return [item];
        const still = decisionsWaiting(after);
        return still.length ? [{ ...after, decisions: still }] : [];
      }),
    );
  };

  return (
    <section className={styles.section} aria-labelledby="decisions-heading">
      <Text weight="semibold" as="h2" size={400} block id="decisions-heading">
        {t("decisions.title")} ({number(items.length)})
      </Text>
      <ProblemBar error={decisions.error} onRetry={decisions.reload} />
      {decisions.loading && !decisions.data && <Loading />}
      <div role="status" aria-live="polite">
        {done && <Text>{done}</Text>}
      </div>
      {decisions.data && items.length === 0 && <Text className={styles.muted}>{t("decisions.empty")}</Text>}
      {shown.length > 0 && (
        <ul className={styles.list} aria-label={t("decisions.title")}>
          {shown.map((item) => (
            <DecisionRow key={`${item.id}:${item.eTag}`} item={item} onDecided={decided} />
          ))}
        </ul>
      )}
      {limit && items.length > shown.length && (
        <Link
          href={hrefOf("/requests")}
          onClick={(event) => {
            event.preventDefault();
            navigate("/requests");
          }}
        >
          {plural("decisions.more", items.length - shown.length)}
        </Link>
      )}
    </section>
  );
}

type Open = "refuse" | "return" | undefined;

function DecisionRow({ item, onDecided }: { item: DecisionItemDto; onDecided(before: DecisionItemDto, after: RequestDto, message: string): void }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, date } = i18n;
  const { api, ministries } = useSession();
  const [until, setUntil] = useState(item.moreTimeRequestedUntil ?? addDays(item.dueDate, 14));
  const [text, setText] = useState("");
  const [open, setOpen] = useState<Open>();
  const [moveTo, setMoveTo] = useState<string>();
  const ministryName = ministries.get(item.ministryId)?.name ?? item.ministryId;
  const label = subjectLabel(item, i18n);
  const others = [...ministries.values()].filter((m) => m.id !== item.ministryId && m.active !== false).sort((a, b) => a.name.localeCompare(b.name));

  const decide = useAction(async (decision: DecideRequestBody["decision"], message: string) => {
    const result = await api.call("decideRequest", { params: { id: item.id }, body: { eTag: item.eTag, decision } });
    onDecided(item, result.request, message);
  });
  const act = useAction(async (action: "resendRequest" | "extendRequest", message: string) => {
    const updated = action === "extendRequest" ? await api.call("extendRequest", { params: { id: item.id }, body: { eTag: item.eTag, until } }) : await api.call("resendRequest", { params: { id: item.id }, body: { eTag: item.eTag } });
    onDecided(item, updated, message);
  });
  const busy = decide.busy || act.busy;
  const has = (kind: DecisionKind) => item.decisions.includes(kind);
  const path = `/requests?report=${item.reportId}&request=${item.id}`;

  return (
    <li className={styles.item} aria-label={`${label} · ${ministryName}`}>
      <div className={styles.line}>
        <Link
          href={hrefOf(path)}
          onClick={(event) => {
            event.preventDefault();
            navigate(path);
          }}
        >
          <bdi>{label}</bdi>
        </Link>
        <Text>
          · <bdi>{ministryName}</bdi> · {t("overview.requestDue", { date: date(item.dueDate) })}
        </Text>
        {item.decisions.map((kind) => (
          <Badge key={kind} appearance="tint" color={kind === "answer-to-review" ? "informative" : "warning"}>
            {t(`decisions.kind.${kind}`)}
          </Badge>
        ))}
      </div>
      {item.subjectText && (
        <div className={styles.clip} dir="auto" title={item.subjectText}>
          {item.subjectText}
        </div>
      )}
      {has("more-time") && item.moreTimeRequestedUntil && (
        <Text>
          {t("decisions.askedUntil", { date: date(item.moreTimeRequestedUntil) })} <q dir="auto">{item.moreTimeReason}</q>
        </Text>
      )}
      {has("declined") && item.declinedReason && (
        <Text>
          {t("requestPanel.declined")} <q dir="auto">{item.declinedReason}</q>
        </Text>
      )}
      {has("undeliverable") && item.undeliverableReason && <Text>{t(`undeliverable.${item.undeliverableReason}`)}</Text>}
      {has("answer-to-review") && <Text>{t("decisions.answerVersion", { version: item.latestVersion })}</Text>}

      <div className={styles.actions}>
        {(has("more-time") || has("escalated")) && (
          <form
            className={styles.actions}
            onSubmit={(event) => {
              event.preventDefault();
              if (has("more-time")) void decide.run({ decision: "grant-more-time", until }, t("decisions.granted", { date: date(until) }));
              else void act.run("extendRequest", t("decisions.extended", { date: date(until) }));
            }}
          >
            <Field label={t("decisions.newDueDate")} validationMessage={issueFor(decide.error ?? act.error, "until")}>
              <Input className={styles.input} type="date" value={until} min={addDays(item.dueDate, 1)} onChange={(_, d) => setUntil(d.value)} />
            </Field>
            <Button type="submit" appearance="primary" disabled={!until || busy}>
              {has("more-time") ? t("decisions.grant") : t("requestPanel.extend")}
            </Button>
          </form>
        )}
        {has("more-time") && (
          <Button onClick={() => setOpen(open === "refuse" ? undefined : "refuse")} disabled={busy} aria-expanded={open === "refuse"}>
            {t("decisions.refuse")}
          </Button>
        )}
        {(has("declined") || has("undeliverable") || has("escalated")) && others.length > 0 && (
          <form
            className={styles.actions}
            onSubmit={(event) => {
              event.preventDefault();
              if (moveTo) void decide.run({ decision: "reassign", ministryId: moveTo }, t("decisions.moved", { ministry: ministries.get(moveTo)?.name ?? moveTo }));
            }}
          >
            <Field label={t("decisions.moveTo")}>
              <Dropdown className={styles.input} value={moveTo ? (ministries.get(moveTo)?.name ?? "") : ""} selectedOptions={moveTo ? [moveTo] : []} onOptionSelect={(_, d) => setMoveTo(d.optionValue)} placeholder={t("decisions.chooseMinistry")}>
                {others.map((m) => (
                  <Option key={m.id} value={m.id}>
                    {m.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Button type="submit" disabled={!moveTo || busy}>
              {t("decisions.move")}
            </Button>
          </form>
        )}
        {has("undeliverable") && (
          <Button onClick={() => void act.run("resendRequest", t("decisions.resent"))} disabled={busy}>
            {t("requestPanel.resend")}
          </Button>
        )}
        {has("answer-to-review") && (
          <>
            <Button appearance="primary" onClick={() => void decide.run({ decision: "accept-answer" }, t("decisions.accepted"))} disabled={busy}>
              {t("decisions.accept")}
            </Button>
            <Button onClick={() => setOpen(open === "return" ? undefined : "return")} disabled={busy} aria-expanded={open === "return"}>
              {t("decisions.return")}
            </Button>
          </>
        )}
      </div>
      {open && (
        <form
          className={styles.actions}
          onSubmit={(event) => {
            event.preventDefault();
            if (open === "refuse") void decide.run({ decision: "refuse-more-time", reason: text }, t("decisions.refused"));
            else void decide.run({ decision: "return-answer", comment: text }, t("decisions.returned"));
          }}
        >
          <Field label={open === "refuse" ? t("decisions.refuseReason") : t("decisions.returnComment")} validationMessage={issueFor(decide.error, open === "refuse" ? "decision.reason" : "decision.comment")}>
            <Input className={styles.input} value={text} onChange={(_, d) => setText(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={!text.trim() || busy}>
            {open === "refuse" ? t("decisions.refuseSend") : t("decisions.returnSend")}
          </Button>
        </form>
      )}
      <ProblemBar error={decide.error ?? act.error} />
    </li>
  );
}
