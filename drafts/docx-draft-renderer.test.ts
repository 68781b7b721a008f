import type { DraftContent } from "../core/drafts/draft-content";
import { demoDraftContent } from "./demo/demo-content";
import { COMMENT_ID_BASE } from "./docx/draft-writer";
import { DocxDraftRenderer } from "./docx-draft-renderer";
import { readDocx, wordsByPart, type ReadDraft } from "./testing/read-docx";

const renderer = new DocxDraftRenderer();

async function render(content: DraftContent): Promise<{ draft: ReadDraft; wordCount: Awaited<ReturnType<DocxDraftRenderer["render"]>>["wordCount"] }> {
  const rendered = await renderer.render(content);
  return { draft: await readDocx(rendered.content), wordCount: rendered.wordCount };
}

const headings = (draft: ReadDraft, level: 1 | 2 | 3) => draft.paragraphs.filter((p) => p.style === `Heading${level}` && !p.inContents).map((p) => p.text);
const placeholders = (draft: ReadDraft) => draft.paragraphs.filter((p) => p.highlighted).map((p) => p.text);
const answersOf = (content: DraftContent) => content.items.flatMap((item) => item.answers);

describe("a UPR national report draft", () => {
  const content = demoDraftContent("upr-national");
  let draft: ReadDraft;
  let wordCount: Awaited<ReturnType<DocxDraftRenderer["render"]>>["wordCount"];
  beforeAll(async () => {
    ({ draft, wordCount } = await render(content));
  });

  it("follows the general guidelines of HRC decision 17/119, then the annexed matrix", () => {
    expect(headings(draft, 1)).toEqual([
      "I. Methodology and consultation process",
      "II. Developments since the previous review",
      "III. Promotion and protection of human rights on the ground: implementation of accepted recommendations",
      "IV. Achievements, best practices, challenges and constraints",
      "V. Key national priorities, initiatives and commitments",
      "VI. Capacity-building needs and requests for technical assistance",
      "Annex",
    ]);
  });

  it("groups the implementation chapter by thematic cluster (noted recommendations nobody was asked about are left to the matrix)", () => {
    expect(headings(draft, 2)).toEqual(["A. Ratification of international instruments", "B. Equality and non-discrimination", "C. Right to education"]);
  });

  it("starts with the title, the mechanism, a table of contents, and has the draft's version and date in the header", () => {
    const first = draft.paragraphs[0];
    expect(first).toMatchObject({ style: "Title", text: content.report.title });
    expect(draft.paragraphs[1]?.text).toBe("Universal Periodic Review, cycle 5, session 62");
    expect(draft.hasContents).toBe(true);
    expect(draft.paragraphs.filter((p) => p.inContents).map((p) => p.text)).toEqual(expect.arrayContaining(["I. Methodology and consultation process", "A. Ratification of international instruments"]));
    expect(draft.headers.length).toBeGreaterThan(0);
    for (const header of draft.headers) {
      expect(header).toContain(content.report.title);
      expect(header).toContain("Draft v3 — 29 November 2026");
    }
  });

  it("writes each answer under a Word comment naming the ministry, the focal point and the date", () => {
    const answers = answersOf(content);
    expect(draft.comments).toHaveLength(answers.length);
    expect(draft.comments.map((c) => c.author).sort()).toEqual(answers.map((a) => a.ministryName).sort());
    const justiceLike = draft.comments.find((c) => c.author === "Ministry of Labour, Family and Social Affairs");
    expect(justiceLike?.text).toContain("Lea Horvat");
    expect(justiceLike?.text).toContain("20 November 2026");
    expect(justiceLike?.text).toContain("Reported status: Partially implemented.");
    expect(justiceLike?.initials).toBe("MLFSA");
    expect(new Date(justiceLike?.date ?? "").toISOString()).toBe("2026-11-20T14:30:00.000Z");
    const revised = draft.comments.find((c) => c.text.includes("version 2"));
    expect(revised?.text).toContain("Government decision 2026-06.pdf");
    // Every comment is anchored in the body.
    const anchored = new Set(draft.paragraphs.flatMap((p) => p.commentIds));
    expect(draft.comments.every((c) => anchored.has(c.id))).toBe(true);
  });

  it("numbers the answers' paragraphs and the consultations as UN reports do, bullet points apart", () => {
    const numbered = draft.paragraphs.filter((p) => p.numId !== undefined && !p.inTable);
    const lists = [...new Set(numbered.map((p) => p.numId))];
    expect(lists).toHaveLength(2); // the paragraph numbers and the bullets
    const [paragraphList] = lists;
    const paragraphs = numbered.filter((p) => p.numId === paragraphList);
    // One paragraph per kind of stakeholder, in whole sentences: how often, with whom, how, on what, when, and what came of it.
    expect(paragraphs.slice(0, 2).map((p) => p.text)).toEqual([
      "The national human rights institution was consulted once: at a meeting with the Human Rights Ombudsman on the draft national report, on 14 October 2026. The Ombudsman commented on chapters II and III; its comments are reflected in the text.",
      "Civil society was consulted twice: in writing, by civil society organizations on the outline of the national report, from 1 September 2026 to 30 September 2026 (23 participants) and online, with the Coalition of non-governmental organizations for the UPR on the implementation of the recommendations, on 21 October 2026.",
    ]);
    expect(paragraphs).toHaveLength(11);
    expect(numbered.filter((p) => p.numId !== paragraphList).map((p) => p.text)).toEqual([
      "412 Roma children attended pre-school in 2025, up from 250 in 2020;",
      "36 Roma assistants work in primary schools;",
      "housing for 120 families was legalized.",
    ]);
  });

  it("cites each recommendation in a footnote, with ids apart from the comments' ids", () => {
    const recommendations = content.items.filter((i) => i.subject.kind === "recommendation");
    expect(draft.footnotes.map((f) => f.text.trim())).toEqual(
      recommendations.map((i) => (i.subject.kind === "recommendation" ? `A/HRC/47/11, para. ${i.subject.paragraph}.` : "")),
    );
    const referenced = draft.paragraphs.flatMap((p) => p.footnoteIds);
    expect(referenced.sort()).toEqual(draft.footnotes.map((f) => f.id).sort());
    const footnoteIds = new Set(draft.footnotes.map((f) => f.id));
    expect(draft.comments.every((c) => c.id >= COMMENT_ID_BASE && !footnoteIds.has(c.id))).toBe(true);
  });

  it("shows every missing answer as a highlighted placeholder naming the ministry and the due date", () => {
    const shown = placeholders(draft);
    expect(shown).toEqual(
      expect.arrayContaining([
        "[Awaiting input from Ministry of Justice, due 15 November 2026 (overdue).]",
        "[Awaiting input from Ministry of Justice, due 15 November 2026 (overdue; escalated to the senior focal point).]",
        "[Ministry of Labour, Family and Social Affairs declined to answer (due 10 December 2026).]",
        "[No ministry has been asked about this accepted recommendation yet: A/HRC/47/11, para. 140.13.]",
      ]),
    );
    const gaps = content.items.flatMap((i) => i.gaps);
    expect(shown.filter((text) => /Awaiting input|declined/.test(text))).toHaveLength(gaps.length);
  });

  it("tells the secretariat what goes in a chapter nobody has written yet", () => {
    const afterHeading = (title: string) => draft.paragraphs[draft.paragraphs.findIndex((p) => p.text === title && !p.inContents) + 1];
    const next = afterHeading("IV. Achievements, best practices, challenges and constraints");
    expect(next?.highlighted).toBe(true);
    expect(next?.text).toMatch(/^\[Describe the achievements and best practices/);
  });

  it("annexes the matrix of recommendations: position, lead ministry and implementation status", () => {
    expect(draft.tables).toHaveLength(1);
    const [header, ...rows] = draft.tables[0]?.rows ?? [];
    expect(header).toEqual(["Recommendation and recommending State(s)", "Position", "Lead ministry", "Implementation status"]);
    const recommendationRows = rows.filter((row) => row.length === 4);
    expect(recommendationRows).toHaveLength(content.annex.length);
    expect(recommendationRows[0]).toEqual([
      "140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives, Portugal)\nSource: A/HRC/47/11",
      "Supported",
      "Ministry of Foreign Affairs",
      "In progress",
    ]);
    expect(rows.filter((row) => row.length === 1).map((row) => row[0])).toEqual([
      "Theme: Ratification of international instruments",
      "Theme: Equality and non-discrimination",
      "Theme: Right to education",
      "Theme: Freedom of expression",
    ]);
    const noted = recommendationRows.find((row) => row[0]?.startsWith("140.90"));
    expect(noted?.slice(1)).toEqual(["Noted", "—", "Not started"]);
  });

  it("writes Arabic paragraphs right to left", () => {
    const arabic = draft.paragraphs.find((p) => p.text.startsWith("يحق"));
    expect(arabic?.rightToLeft).toBe(true);
    expect(draft.paragraphs.find((p) => p.text.startsWith("The Office funded"))?.rightToLeft).toBe(false);
  });

  it("counts the words as the UPR does: the body, without the annexed matrix and the footnotes", () => {
    const words = wordsByPart(draft);
    expect(wordCount).toEqual({ counted: words.body, excluded: words.annex + words.footnotes, limit: 10_700 });
    expect(words.annex).toBeGreaterThan(0);
    expect(words.footnotes).toBeGreaterThan(0);
  });
});

describe("drafts of the other report types", () => {
  it("replies to a list of issues question by question, each question quoted", async () => {
    const content = demoDraftContent("loipr-replies");
    const { draft, wordCount } = await render(content);
    expect(headings(draft, 1)).toEqual(["I. Introduction", "II. Replies to the list of issues prior to reporting"]);
    expect(headings(draft, 2)).toEqual([1, 2, 3].map((n) => `Reply to paragraph ${n} of the list of issues prior to reporting`));
    const question = draft.paragraphs.findIndex((p) => p.text.startsWith("Please describe measures to prevent violence"));
    expect(draft.paragraphs[question + 1]?.text).toBe("The Resolution on the National Programme for the Prevention of Domestic Violence 2024–2029 was adopted.");
    expect(placeholders(draft)).toContain("[Awaiting input from Ministry of Justice, due 30 November 2026.]");
    expect(draft.comments).toHaveLength(answersOf(content).length);
    expect(draft.tables).toHaveLength(0);
    const words = wordsByPart(draft);
    expect(wordCount).toEqual({ counted: words.body + words.footnotes, excluded: 0, limit: 21_200 });
  });

  it("follows up the flagged recommendations one by one; the treaty body counts the footnotes", async () => {
    const content = demoDraftContent("follow-up");
    const { draft, wordCount } = await render(content);
    expect(headings(draft, 2)).toEqual(["Paragraph 12(a) of the concluding observations", "Paragraph 28(c) of the concluding observations"]);
    expect(draft.footnotes.map((f) => f.text.trim())).toEqual(["CEDAW/C/EXA/CO/9, para. 12(a).", "CEDAW/C/EXA/CO/9, para. 28(c)."]);
    expect(placeholders(draft)).toContain("[Awaiting input from Ministry of Labour, Family and Social Affairs, due 1 December 2026 (overdue).]");
    const words = wordsByPart(draft);
    expect(words.footnotes).toBeGreaterThan(0);
    expect(wordCount).toEqual({ counted: words.body + words.footnotes, excluded: 0 });
  });

  it("reports recommendation by recommendation with its status in a UPR mid-term report", async () => {
    const content = demoDraftContent("upr-midterm");
    const { draft, wordCount } = await render(content);
    expect(headings(draft, 1)).toEqual(["I. Introduction and methodology", "II. Implementation of the recommendations", "III. Challenges, constraints and next steps", "Annex"]);
    expect(headings(draft, 3)).toEqual(["Recommendation 140.7", "Recommendation 140.11", "Recommendation 140.32", "Recommendation 140.35", "Recommendation 140.41", "Recommendation 140.58"]);
    const quote = draft.paragraphs.findIndex((p) => p.text.startsWith("Continue efforts to combat discrimination against Roma"));
    expect(draft.paragraphs[quote]?.text).toBe("Continue efforts to combat discrimination against Roma, including in access to education and housing (Brazil, Côte d'Ivoire)");
    expect(draft.paragraphs[quote + 1]?.text).toBe("Position: Supported in part. Implementation status: Partially implemented.");
    const words = wordsByPart(draft);
    expect(wordCount).toEqual({ counted: words.body, excluded: words.annex + words.footnotes });
  });

  it("writes an action's accepted progress after the answers on its recommendation, under a comment naming the ministry, the action and who reported it", async () => {
    const content = demoDraftContent("upr-midterm");
    const index = content.items.findIndex((i) => i.subject.kind === "recommendation" && i.subject.paragraph === "140.11");
    const item = content.items[index]!;
    const progress = {
      actionId: "31",
      actionTitle: "Roma pre-school programme",
      progressUpdateId: "77",
      ministryId: "3",
      ministryName: "Ministry of Education",
      authorName: "Nina Kos",
      reportedAt: "2026-10-02T08:30:00.000Z",
      reportedOn: "2026-10-02",
      text: "The programme reached 14 municipalities in 2026.",
      actionStatus: "under-way" as const,
      attachments: [{ name: "enrolment.xlsx", webUrl: "https://contoso.sharepoint.com/sites/nmirf/Evidence/enrolment.xlsx" }],
    };
    const withProgress = { ...content, items: content.items.map((i, n) => (n === index ? { ...item, progress: [progress] } : i)) };
    const { draft } = await render(withProgress);
    const at = draft.paragraphs.findIndex((p) => p.text === "The programme reached 14 municipalities in 2026.");
    expect(at).toBeGreaterThan(0);
    const comment = draft.comments.find((c) => c.text.includes("Roma pre-school programme"))!;
    expect(comment).toMatchObject({ author: "Ministry of Education" });
    expect(comment.text).toContain("Ministry of Education: progress on the action “Roma pre-school programme”, reported by Nina Kos (focal point), 2 October 2026; accepted by the secretariat.");
    expect(comment.text).toContain("Action status: Under way.");
    expect(comment.text).toContain("enrolment.xlsx");
  });

  it("gives any other report an introduction and its sections, questions and recommendations", async () => {
    const { draft } = await render(demoDraftContent("treaty-periodic"));
    expect(headings(draft, 1)).toEqual(["I. Introduction", "II. Developments since the previous review", "III. Replies to questions"]);
    // The consultations held open the introduction; the section asked as "methodology" follows.
    const introduction = draft.paragraphs.findIndex((p) => p.text === "I. Introduction" && !p.inContents);
    expect(draft.paragraphs[introduction + 1]?.text).toMatch(/^The national human rights institution was consulted once: at a meeting with the Human Rights Ombudsman/);
    expect(draft.paragraphs[introduction + 2]?.text).toMatch(/^Civil society was consulted twice/);
    expect(draft.paragraphs[introduction + 3]?.text).toMatch(/^The report was prepared by the National Mechanism/);
  });

  it.each(["loipr-replies", "follow-up"] as const)("says in the introduction of a treaty body's %s whom the State consulted, as the UPR's methodology does", async (type) => {
    const { draft } = await render(demoDraftContent(type));
    const introduction = draft.paragraphs.findIndex((p) => p.text === "I. Introduction" && !p.inContents);
    expect(draft.paragraphs.slice(introduction + 1, introduction + 3).map((p) => p.text.split(":")[0])).toEqual(["The national human rights institution was consulted once", "Civil society was consulted twice"]);
  });

  it("uses the report's own word limit over the mechanism's", async () => {
    const content = demoDraftContent("upr-national");
    const { wordCount } = await render({ ...content, report: { ...content.report, wordLimit: 9000 } });
    expect(wordCount.limit).toBe(9000);
  });

  it("shows a placeholder for an answer that came with files only", async () => {
    const content = demoDraftContent("loipr-replies");
    const first = content.items[0];
    if (!first?.answers[0]) throw new Error("demo content changed");
    first.answers[0] = { ...first.answers[0], text: "  \n ", attachments: [{ name: "statistics.xlsx", webUrl: "https://contoso.sharepoint.com/x.xlsx" }] };
    const { draft } = await render(content);
    expect(placeholders(draft)).toContain("[Ministry of Justice only attached statistics.xlsx: draft this paragraph from its answer.]");
    expect(draft.comments).toHaveLength(answersOf(content).length);
  });
});
