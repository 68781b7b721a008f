/** Assigns a lead ministry (and optionally observer sharing) to the selected recommendations, 500 at a time. */
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Option } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { RecommendationDto } from "../../../../core/api";
import { useAction } from "../../api/use-resource";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";

const BATCH = 500;

export interface BulkAssignDialogProps {
  records: RecommendationDto[];
  onClose(): void;
  /** The records written, and the ids that failed (kept selected to try again). */
  onDone(updated: RecommendationDto[], failedIds: string[], failures: string[]): void;
}

export function BulkAssignDialog({ records, onClose, onDone }: BulkAssignDialogProps) {
  const { t, plural } = useI18n();
  const { api, ministries } = useSession();
  const [leadMinistryId, setLead] = useState<string>();
  const [share, setShare] = useState(false);
  const options = useMemo(() => [...ministries.values()].filter((m) => m.active).sort((a, b) => a.name.localeCompare(b.name)), [ministries]);
  const assign = useAction(async () => {
    const updated: RecommendationDto[] = [];
    const failed: { id: string; message: string }[] = [];
    for (let start = 0; start < records.length; start += BATCH) {
      const batch = records.slice(start, start + BATCH);
      const result = await api.call("bulkAssignRecommendations", {
        body: { items: batch.map((r) => ({ id: r.id, eTag: r.eTag })), leadMinistryId, ...(share ? { sharedWithObservers: true } : {}) },
      });
      for (const item of result.results) {
        if (item.ok) updated.push(item.record);
        else failed.push({ id: item.id, message: item.message });
      }
    }
    onDone(updated, failed.map((f) => f.id), failed.map((f) => `${records.find((r) => r.id === f.id)?.paragraph ?? f.id}: ${f.message}`));
  });

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{plural("bulk.title", records.length)}</DialogTitle>
          <DialogContent>
            <Field label={t("bulk.lead")} required>
              <Dropdown
                value={leadMinistryId ? (ministries.get(leadMinistryId)?.name ?? "") : ""}
                selectedOptions={leadMinistryId ? [leadMinistryId] : []}
                onOptionSelect={(_, data) => setLead(data.optionValue)}
                placeholder={t("bulk.choose")}
              >
                {options.map((m) => (
                  <Option key={m.id} value={m.id}>
                    {m.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Checkbox checked={share} onChange={(_, data) => setShare(Boolean(data.checked))} label={t("bulk.share")} />
            <ProblemBar error={assign.error} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t("action.cancel")}</Button>
            <Button appearance="primary" disabled={!leadMinistryId || assign.busy} onClick={() => void assign.run()}>
              {assign.busy ? t("common.saving") : t("bulk.assign")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
