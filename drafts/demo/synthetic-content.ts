import type { AnnexRow, DraftContent, DraftItem } from "../../core/drafts/draft-content";
import { IMPLEMENTATION_STATUSES, UPR_POSITIONS } from "../../core/records/taxonomy";

export interface SyntheticOptions {
  recommendations: number;
  answersPerRecommendation: number;
  /** One recommendation in this many also waits for a ministry's answer (a gap). Default 20. */
  gapEvery?: number;
}

const CLUSTERS = [
  "Ratification of international instruments",
  "Equality and non-discrimination",
  "Right to education",
  "Rights of the child",
  "Women's rights",
  "Rights of persons with disabilities",
  "Administration of justice and fair trial",
  "Freedom of expression",
  "Migrants, refugees and asylum seekers",
  "Right to health",
  "Business and human rights",
  "Minorities and indigenous peoples",
];
const MINISTRIES = ["Ministry of Justice", "Ministry of Education", "Ministry of Labour, Family and Social Affairs", "Ministry of the Interior", "Ministry of Health", "Ministry of Foreign Affairs"];

const SENTENCES = [
  "The Government adopted a national action plan covering the period 2024–2028, with measurable targets and a budget of €4.2 million.",
  "An inter-ministerial working group met quarterly to monitor its implementation and reported to the National Assembly.",
  "Training was provided to 1,240 police officers, judges and prosecutors on the new legislation and the relevant international standards.",
  "Civil society organizations and the Human Rights Ombudsman were consulted throughout the drafting of the amendments.",
  "Statistics disaggregated by sex, age and disability are now published every year by the Statistical Office.",
];

/** A large UPR national report's content, for benchmarks: n recommendations, each answered by k ministries. */
export function syntheticUprContent({ recommendations, answersPerRecommendation, gapEvery = 20 }: SyntheticOptions): DraftContent {
  const items: DraftItem[] = [];
  const annex: AnnexRow[] = [];
  const perCluster = Math.ceil(recommendations / CLUSTERS.length);
  for (let i = 0; i < recommendations; i += 1) {
    const cluster = CLUSTERS[Math.floor(i / perCluster)] ?? "Other";
    const paragraph = `140.${i + 1}`;
    const text = `Continue and strengthen efforts to implement the recommendation number ${i + 1}, in consultation with civil society and with adequate resources`;
    const states = [`State ${(i % 150) + 1}`];
    const position = UPR_POSITIONS[i % 7 === 0 ? 2 : i % 5 === 0 ? 1 : 0] ?? "supported";
    const status = IMPLEMENTATION_STATUSES[i % IMPLEMENTATION_STATUSES.length] ?? "in-progress";
    const recommendationId = String(1000 + i);
    annex.push({ recommendationId, documentSymbol: "A/HRC/47/11", paragraph, text, recommendingStates: states, position, cluster, leadMinistry: MINISTRIES[i % MINISTRIES.length], status });
    items.push({
      subject: { kind: "recommendation", recommendationId, documentSymbol: "A/HRC/47/11", paragraph, text, recommendingStates: states, position, cluster, themes: [cluster], status },
      answers: Array.from({ length: answersPerRecommendation }, (_, k) => {
        const ministry = MINISTRIES[(i + k) % MINISTRIES.length] ?? "Ministry";
        return {
          requestId: `${i}-${k}`,
          contributionId: `c${i}-${k}`,
          ministryId: String((i + k) % MINISTRIES.length),
          ministryName: ministry,
          authorName: `Focal Point ${(i + k) % 40}`,
          answeredAt: "2026-11-20T14:30:00.000Z",
          version: 1 + (k % 2),
          text: `${SENTENCES[(i + k) % SENTENCES.length]} ${SENTENCES[(i + k + 1) % SENTENCES.length]}\n${SENTENCES[(i + k + 2) % SENTENCES.length]}`,
          reportedStatus: status,
          attachments: [],
        };
      }),
      gaps: i % gapEvery === 0 ? [{ requestId: `g${i}`, ministryId: "9", ministryName: "Ministry of Finance", dueDate: "2026-11-30", status: "overdue" }] : [],
    });
  }
  return {
    report: { id: "1", title: "National report, Universal Periodic Review, fifth cycle", mechanism: "UPR", type: "upr-national", dueDate: "2027-02-01", cycle: 5, session: 62 },
    version: 1,
    compiledAt: "2026-11-29T10:15:00.000Z",
    compiledOn: "2026-11-29",
    items,
    annex,
    consultations: [{ stakeholder: "Human Rights Ombudsman", kind: "nhri", subject: "the draft national report", date: "2026-10-14" }],
  };
}
