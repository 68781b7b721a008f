import type { RequestDto } from "../../../../core/api";
import type { I18n } from "../../i18n/i18n";
import { sectionPurpose } from "../../../../core/requests/section-purpose";

type Subjected = Pick<RequestDto, "subject" | "subjectReference">;

/**
 * What a request is about, in a few words of the person's language: `A/HRC/59/15 para. 140.7`,
 * `Question 4`, `Section II: Developments`. The server names a recommendation by its symbol
 * and paragraph; without them (not shared with an observer, an older server) by its id.
 */
export function subjectLabel(request: Subjected, { t }: Pick<I18n, "t">): string {
  const subject = request.subject;
  switch (subject.kind) {
    case "recommendation":
      return request.subjectReference
        ? t("requests.subjectReference", { symbol: request.subjectReference.documentSymbol, paragraph: request.subjectReference.paragraph })
        : t("requests.subjectRecommendation", { id: subject.recommendationId });
    case "question":
      return t("requests.subjectQuestion", { number: subject.number });
    case "section": {
      const purpose = sectionPurpose(subject.section);
      if (purpose === "visit-meeting") return t("requests.subjectVisitMeeting", { title: subject.title });
      if (purpose === "communication-reply") return t("requests.subjectCommunicationReply", { title: subject.title });
      return t("requests.subjectSection", { section: subject.section, title: subject.title });
    }
  }
}

