import type { RequestDto } from "../../../../core/api";
import type { I18n } from "../../i18n/i18n";

/** What a request is about, in a few words: `Recommendation 12`, `Question 4`, `Section II`. */
export function subjectLabel(request: Pick<RequestDto, "subject">, { t }: Pick<I18n, "t">): string {
  const subject = request.subject;
  switch (subject.kind) {
    case "recommendation":
      return t("requests.subjectRecommendation", { id: subject.recommendationId });
    case "question":
      return t("requests.subjectQuestion", { number: subject.number });
    case "section":
      return t("requests.subjectSection", { section: subject.section, title: subject.title });
  }
}
