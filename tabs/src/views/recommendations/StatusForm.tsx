/** A focal point of the lead ministry reports the implementation status, with a note kept in the history. */
import { Button, Dropdown, Field, makeStyles, Option, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { RecommendationDto } from "../../../../core/api";
import type { ImplementationStatus } from "../../../../core/records/taxonomy";
import { useAction } from "../../api/use-resource";
import { issueFor, ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { STATUS_CODES } from "../../taxonomy";

const useStyles = makeStyles({ form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM }, actions: { display: "flex", gap: tokens.spacingHorizontalS } });

export function StatusForm({ recommendation, onSaved, onCancel }: { recommendation: RecommendationDto; onSaved(r: RecommendationDto): void; onCancel(): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const [status, setStatus] = useState<ImplementationStatus>(recommendation.status);
  const [note, setNote] = useState("");
  const save = useAction(async () => {
    const record = await api.call("updateRecommendationStatus", { params: { id: recommendation.id }, body: { eTag: recommendation.eTag, status, ...(note.trim() ? { note } : {}) } });
    onSaved(record);
  });
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <Field label={t("statusForm.status")} required>
        <Dropdown value={t(`status.${status}`)} selectedOptions={[status]} onOptionSelect={(_, data) => data.optionValue && setStatus(data.optionValue as ImplementationStatus)}>
          {STATUS_CODES.map((code) => (
            <Option key={code} value={code} text={t(`status.${code}`)}>
              {t(`status.${code}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("statusForm.note")} hint={t("statusForm.noteHint")} validationMessage={issueFor(save.error, "note")}>
        <Textarea value={note} onChange={(_, data) => setNote(data.value)} resize="vertical" rows={4} />
      </Field>
      <ProblemBar error={save.error} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.busy}>
          {save.busy ? t("common.saving") : t("statusForm.save")}
        </Button>
        <Button onClick={onCancel}>{t("action.cancel")}</Button>
      </div>
    </form>
  );
}
