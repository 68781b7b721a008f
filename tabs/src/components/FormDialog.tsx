/**
 * A dialog holding a form: its fields, the problem the write met (under the fields), Cancel, and
 * the submit button, off while the form cannot be sent or the write runs. Enter submits.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n";
import { ProblemBar } from "./ProblemBar";

export interface FormDialogProps {
  title: ReactNode;
  /** The form's write (from useAction): submitting runs it. */
  action: { run(): Promise<unknown>; busy: boolean; error: unknown };
  submitLabel: ReactNode;
  /** False while a required field is empty. */
  canSubmit: boolean;
  onClose(): void;
  surfaceClassName?: string;
  contentClassName?: string;
  children: ReactNode;
}

export function FormDialog({ title, action, submitLabel, canSubmit, onClose, surfaceClassName, contentClassName, children }: FormDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={surfaceClassName}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void action.run();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={contentClassName}>
              {children}
              <ProblemBar error={action.error} />
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>{t("action.cancel")}</Button>
              <Button type="submit" appearance="primary" disabled={!canSubmit || action.busy}>
                {submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
