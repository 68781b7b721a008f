/** Whether a consultation takes comments now, not yet (and from when), or no more; and its days in words. */
import { Badge } from "@fluentui/react-components";
import type { ConsultationDto } from "../../../../core/api";
import { useI18n } from "../../i18n/i18n";
import { useSession } from "../../shell/session";
import { todayIn } from "../../taxonomy";
import { commentWindowOf, lastDayOf, type CommentWindow } from "./consultation-window";

const COLORS: Record<CommentWindow, "success" | "informative" | "subtle"> = { open: "success", "not-yet": "informative", closed: "subtle" };

export function CommentWindowBadge({ consultation }: { consultation: ConsultationDto }) {
  const { t, date } = useI18n();
  const { config } = useSession();
  const commentWindow = commentWindowOf(consultation, todayIn(config.timeZone));
  const label =
    commentWindow === "open" ? t("consultations.window.open") : commentWindow === "not-yet" ? t("consultations.window.notYet", { date: date(consultation.date) }) : t("consultations.window.closed");
  return (
    <Badge appearance="tint" color={COLORS[commentWindow]} shape="rounded">
      {label}
    </Badge>
  );
}

/** The first and the last day, or the one day. */
export function useConsultationDates(): (consultation: ConsultationDto, style?: "medium" | "long") => string {
  const { t, date } = useI18n();
  return (consultation, style = "medium") =>
    lastDayOf(consultation) === consultation.date ? date(consultation.date, style) : t("calendar.span", { from: date(consultation.date, style), to: date(lastDayOf(consultation), style) });
}
