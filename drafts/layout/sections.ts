import type { DraftItem } from "../../core/drafts/draft-content";
import type { DraftKey, DraftWords } from "../text/words";

/** A chapter a report type's layout always has, and what the secretariat writes there when no input covers it. */
export interface SectionSlot {
  key: string;
  /** The chapter's title in the report's language. */
  title: string;
  guidance: string;
  /** Other keys (or words of titles) the secretariat may have given the section it asked input for; the English title matches too. */
  aliases: string[];
}

type SectionSubject = Extract<DraftItem["subject"], { kind: "section" }>;

function normalize(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Puts each section item in the layout's chapter it belongs to, by its key or its title (in
 * the report's language or in English); the items that fit none stay in `others`, in their
 * order, for chapters of their own.
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

interface SlotSpec {
  key: string;
  /** The catalogue's messages of its title and guidance (draft.section.<messages>.title / .guidance). */
  messages: string;
  /** Whose guidance, when it is another chapter's. */
  guidanceOf?: string;
  titleOf?: string;
  aliases: string[];
  /** The English title (the secretariat may have named the section with it). */
  english: string;
}

function slot(words: DraftWords, spec: SlotSpec): SectionSlot {
  const title = words.t(`draft.section.${spec.titleOf ?? spec.messages}.title` as DraftKey);
  const guidanceKey = `draft.section.${spec.guidanceOf ?? spec.messages}.guidance` as DraftKey;
  const guidance = guidanceKey in GUIDED ? words.t(guidanceKey) : "";
  return { key: spec.key, title, guidance, aliases: [...spec.aliases, normalize(spec.english)] };
}

/** The sections that have guidance in the catalogue (the generic questions and recommendations have none). */
const GUIDED: Record<string, true> = Object.fromEntries(
  ["methodology", "developments", "implementation", "achievements", "priorities", "capacity-building", "introduction", "midtermImplementation", "challenges", "replies", "followUpIntroduction", "followUp"].map((name) => [`draft.section.${name}.guidance`, true]),
);

const INTRODUCTION_ALIASES = ["intro", "general-information", "methodology", "general"];

/** The chapters of the UPR national report: the general guidelines of HRC decision 17/119, as the UN words them in the report's language. */
export function uprNationalSections(words: DraftWords): SectionSlot[] {
  return [
    slot(words, { key: "methodology", messages: "methodology", english: "Methodology and consultation process", aliases: ["methodology-and-consultation-process", "consultation", "consultations", "consultation-process"] }),
    slot(words, { key: "developments", messages: "developments", english: "Developments since the previous review", aliases: ["developments-since-the-previous-review", "normative-framework", "institutional-framework", "background", "framework"] }),
    slot(words, {
      key: "implementation",
      messages: "implementation",
      english: "Promotion and protection of human rights on the ground: implementation of accepted recommendations",
      aliases: ["implementation-of-recommendations", "implementation-of-accepted-recommendations", "recommendations", "implementation"],
    }),
    slot(words, { key: "achievements", messages: "achievements", english: "Achievements, best practices, challenges and constraints", aliases: ["achievements-and-best-practices", "best-practices", "challenges", "constraints", "achievements"] }),
    slot(words, { key: "priorities", messages: "priorities", english: "Key national priorities, initiatives and commitments", aliases: ["national-priorities", "commitments", "initiatives", "priorities"] }),
    slot(words, { key: "capacity-building", messages: "capacity-building", english: "Capacity-building needs and requests for technical assistance", aliases: ["capacity-building-needs", "technical-assistance", "capacity", "assistance"] }),
  ];
}

function introduction(words: DraftWords): SectionSlot {
  return slot(words, { key: "introduction", messages: "introduction", english: "Introduction", aliases: INTRODUCTION_ALIASES });
}

export function uprMidtermSections(words: DraftWords) {
  return {
    introduction: slot(words, {
      key: "introduction",
      messages: "midtermIntroduction",
      guidanceOf: "introduction",
      english: "Introduction and methodology",
      aliases: [...INTRODUCTION_ALIASES, "methodology-and-consultation-process", "consultation"],
    }),
    implementation: slot(words, { key: "implementation", messages: "midtermImplementation", english: "Implementation of the recommendations", aliases: ["implementation-of-recommendations", "recommendations", "implementation"] }),
    challenges: slot(words, { key: "challenges", messages: "challenges", english: "Challenges, constraints and next steps", aliases: ["next-steps", "constraints", "challenges"] }),
  } satisfies Record<string, SectionSlot>;
}

export function loiprSections(words: DraftWords) {
  return {
    introduction: introduction(words),
    replies: slot(words, { key: "replies", messages: "replies", english: "Replies to the list of issues prior to reporting", aliases: ["replies", "list-of-issues"] }),
  } satisfies Record<string, SectionSlot>;
}

export function followUpSections(words: DraftWords) {
  return {
    introduction: slot(words, { key: "introduction", messages: "followUpIntroduction", titleOf: "introduction", english: "Introduction", aliases: INTRODUCTION_ALIASES }),
    recommendations: slot(words, { key: "follow-up", messages: "followUp", english: "Follow-up information on the recommendations", aliases: ["follow-up-information", "follow-up"] }),
  } satisfies Record<string, SectionSlot>;
}

export function genericSections(words: DraftWords) {
  return {
    introduction: introduction(words),
    questions: slot(words, { key: "questions", messages: "questions", english: "Replies to questions", aliases: [] }),
    recommendations: slot(words, { key: "recommendations", messages: "recommendations", english: "Implementation of recommendations", aliases: ["implementation-of-recommendations", "follow-up-to-recommendations"] }),
  } satisfies Record<string, SectionSlot>;
}
