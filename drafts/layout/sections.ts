import type { DraftItem } from "../../core/drafts/draft-content";

/** A chapter a report type's layout always has, and what the secretariat writes there when no input covers it. */
export interface SectionSlot {
  key: string;
  title: string;
  guidance: string;
  /** Other keys (or words of titles) the secretariat may have given the section it asked input for. */
  aliases: string[];
}

type SectionSubject = Extract<DraftItem["subject"], { kind: "section" }>;

function normalize(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Puts each section item in the layout's chapter it belongs to, by its key or its title; the
 * items that fit none stay in `others`, in their order, for chapters of their own.
 */
export function assignSections(items: DraftItem[], slots: SectionSlot[]): { bySlot: Map<string, DraftItem[]>; others: DraftItem[] } {
  const bySlot = new Map<string, DraftItem[]>(slots.map((slot) => [slot.key, []]));
  const others: DraftItem[] = [];
  for (const item of items) {
    if (item.subject.kind !== "section") continue;
    const slot = slotOf(item.subject, slots);
    if (slot) bySlot.get(slot.key)?.push(item);
    else others.push(item);
  }
  return { bySlot, others };
}

function slotOf(subject: SectionSubject, slots: SectionSlot[]): SectionSlot | undefined {
  const key = normalize(subject.section);
  const title = normalize(subject.title);
  const exact = slots.find((slot) => [slot.key, ...slot.aliases].some((name) => name === key || name === title) || normalize(slot.title) === title);
  if (exact) return exact;
  // "2. Developments since the previous review" or "methodology-and-consultation".
  return slots.find((slot) => [slot.key, ...slot.aliases].some((name) => key.includes(name) || title.includes(name)));
}

/** The chapters of the UPR national report: the general guidelines of HRC decision 17/119. */
export const UPR_NATIONAL_SECTIONS: SectionSlot[] = [
  {
    key: "methodology",
    title: "Methodology and consultation process",
    guidance:
      "Describe how the report was prepared: the national mechanism and the ministries that contributed, and the broad consultation with the national human rights institution, civil society and other stakeholders.",
    aliases: ["methodology-and-consultation-process", "consultation", "consultations", "consultation-process"],
  },
  {
    key: "developments",
    title: "Developments since the previous review",
    guidance:
      "Describe the developments in the normative and institutional framework since the previous review: new legislation, policies, institutions, and the international instruments ratified.",
    aliases: ["developments-since-the-previous-review", "normative-framework", "institutional-framework", "background", "framework"],
  },
  {
    key: "implementation",
    title: "Promotion and protection of human rights on the ground: implementation of accepted recommendations",
    guidance: "Report on the implementation of the recommendations accepted at the previous review, by thematic cluster.",
    aliases: ["implementation-of-recommendations", "implementation-of-accepted-recommendations", "recommendations", "implementation"],
  },
  {
    key: "achievements",
    title: "Achievements, best practices, challenges and constraints",
    guidance: "Describe the achievements and best practices, and the challenges and constraints met in implementing the recommendations.",
    aliases: ["achievements-and-best-practices", "best-practices", "challenges", "constraints", "achievements"],
  },
  {
    key: "priorities",
    title: "Key national priorities, initiatives and commitments",
    guidance: "Set out the key national priorities, initiatives and commitments the State undertakes to overcome those challenges and improve the situation of human rights.",
    aliases: ["national-priorities", "commitments", "initiatives", "priorities"],
  },
  {
    key: "capacity-building",
    title: "Capacity-building needs and requests for technical assistance",
    guidance: "State the expectations of the State in terms of capacity-building and the requests, if any, for technical assistance and support received.",
    aliases: ["capacity-building-needs", "technical-assistance", "capacity", "assistance"],
  },
];

const INTRODUCTION: SectionSlot = {
  key: "introduction",
  title: "Introduction",
  guidance: "Introduce the report: the mechanism it answers, the period it covers, and how it was prepared and consulted on.",
  aliases: ["intro", "general-information", "methodology", "general"],
};

export const UPR_MIDTERM_SECTIONS = {
  introduction: { ...INTRODUCTION, title: "Introduction and methodology", aliases: [...INTRODUCTION.aliases, "methodology-and-consultation-process", "consultation"] },
  implementation: {
    key: "implementation",
    title: "Implementation of the recommendations",
    guidance: "Report, recommendation by recommendation, on what was done since the review and the status of implementation.",
    aliases: ["implementation-of-recommendations", "recommendations", "implementation"],
  },
  challenges: {
    key: "challenges",
    title: "Challenges, constraints and next steps",
    guidance: "Describe the challenges met and the steps planned before the next review.",
    aliases: ["next-steps", "constraints", "challenges"],
  },
} satisfies Record<string, SectionSlot>;

export const LOIPR_SECTIONS = {
  introduction: INTRODUCTION,
  replies: {
    key: "replies",
    title: "Replies to the list of issues prior to reporting",
    guidance: "Reply to each question of the list of issues prior to reporting.",
    aliases: ["replies", "list-of-issues"],
  },
} satisfies Record<string, SectionSlot>;

export const FOLLOW_UP_SECTIONS = {
  introduction: {
    ...INTRODUCTION,
    guidance:
      "Introduce the follow-up report: the concluding observations it follows up (their symbol and date) and the recommendations the committee selected for follow-up.",
  },
  recommendations: {
    key: "follow-up",
    title: "Follow-up information on the recommendations",
    guidance: "Report on the measures taken on each recommendation selected for follow-up.",
    aliases: ["follow-up-information", "follow-up"],
  },
} satisfies Record<string, SectionSlot>;

export const GENERIC_SECTIONS = {
  introduction: INTRODUCTION,
  questions: { key: "questions", title: "Replies to questions", guidance: "", aliases: [] },
  recommendations: {
    key: "recommendations",
    title: "Implementation of recommendations",
    guidance: "",
    aliases: ["implementation-of-recommendations", "follow-up-to-recommendations"],
  },
} satisfies Record<string, SectionSlot>;
