/**
 * The State's reply to a visit request: accept it, propose other dates (the dates with it), or
 * decline it; the day of the reply and a note. The visit's eTag goes with it: a stale view is refused.
 */
import { Field, Input, makeStyles, Radio, RadioGroup, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { VisitDto } from "../../../../core/api";
import { VISIT_REPLIES, type VisitReply } from "../../../../core/visits/visit";
import { canHappen } from "../../../../core/visits/visit-lifecycle";
import { useAction } from "../../api/use-resource";
import { FormDialog } from "../../components/FormDialog";
import { issueFor } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { todayIn } from "../../taxonomy";

const useStyles = makeStyles({ content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

/** The replies the visit's status allows (a visit accepted can still be declined, not accepted again). */
export function repliesFor(visit: Pick<VisitDto, "status">): VisitReply[] {
  return VISIT_REPLIES.filter((reply) => canHappen(visit.status, reply));
}

export function VisitReplyDialog({ visit, onClose, onSaved }: { visit: VisitDto; onClose(): void; onSaved(visit: VisitDto): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api, config } = useSession();
  const replies = repliesFor(visit);
  const [reply, setReply] = useState<VisitReply>(replies[0] ?? "accept");
  const [on, setOn] = useState(todayIn(config.timeZone));
  const [note, setNote] = useState("");
  const [proposedFrom, setProposedFrom] = useState("");
  const [proposedTo, setProposedTo] = useState("");
  const proposing = reply === "propose-dates";

  const save = useAction(async () => {
    const updated = await api.call("replyToVisit", {
      params: { id: visit.id },
      body: {
        eTag: visit.eTag,
        reply,
        on,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(proposing ? { proposedFrom, proposedTo } : {}),
      },
    });
    onSaved(updated);
  });

  return (
    <FormDialog
      title={t("visits.replyTitle")}
      action={save}
      canSubmit={Boolean(on) && (!proposing || Boolean(proposedFrom && proposedTo))}
      submitLabel={save.busy ? t("common.saving") : t("visits.replySubmit")}
      onClose={onClose}
      contentClassName={styles.content}
    >
      <Field label={t("visits.field.reply")} required validationMessage={issueFor(save.error, "reply")}>
        <RadioGroup value={reply} onChange={(_, d) => setReply(d.value as VisitReply)}>
          {replies.map((code) => (
            <Radio key={code} value={code} label={t(`visits.reply.${code}`)} />
          ))}
        </RadioGroup>
      </Field>
      {proposing && (
        <>
          <Field label={t("visits.field.proposedFrom")} required validationMessage={issueFor(save.error, "proposedFrom")}>
            <Input type="date" value={proposedFrom} onChange={(_, d) => setProposedFrom(d.value)} />
          </Field>
          <Field label={t("visits.field.proposedTo")} required validationMessage={issueFor(save.error, "proposedTo")}>
            <Input type="date" value={proposedTo} onChange={(_, d) => setProposedTo(d.value)} />
          </Field>
        </>
      )}
      <Field label={t("visits.field.replyOn")} required validationMessage={issueFor(save.error, "on")}>
        <Input type="date" value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
      <Field label={t("visits.field.note")} validationMessage={issueFor(save.error, "note")}>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} rows={3} resize="vertical" />
      </Field>
    </FormDialog>
  );
}
