/**
 * Whether a consultation takes comments today, as the tab can tell: from its first day to its
 * last, counted in the mechanism's time zone. The server decides (in the report's time zone);
 * this only chooses what to offer, and a refusal is shown with the server's reason.
 */
import type { ConsultationDto } from "../../../../core/api";

export type CommentWindow = "not-yet" | "open" | "closed";

export function lastDayOf(consultation: Pick<ConsultationDto, "date" | "endDate">): string {
  return consultation.endDate ?? consultation.date;
}

export function commentWindowOf(consultation: Pick<ConsultationDto, "date" | "endDate">, today: string): CommentWindow {
  if (today < consultation.date) return "not-yet";
  return today > lastDayOf(consultation) ? "closed" : "open";
}

/** How a comment names the item it is about (core's `sharedItemKey`, the tab carrying no schemas). */
export function itemKeyOf(item: ConsultationDto["sharedItems"][number]): string {
  return item.kind === "section" ? `section:${item.section}` : `recommendation:${item.recommendationId}`;
}
