import { buildWorld } from "../../core/testing/world";
import { compileDraft } from "../../core/drafts/compile-draft";
import { createRequests } from "../../core/requests/create-requests";
import { recordContribution } from "../../core/contributions/record-contribution";
import { demoDraftContent, DocxDraftRenderer } from "../../drafts";
import { readCustomProperties, readDocx, wordsByPart } from "../../drafts/testing/read-docx";
import { draftIdentityFrom } from "../../core/drafts/draft-identity";
import { makeTemplate } from "../../drafts/testing/templates";
import type { ReportLanguage } from "../../core/reports/report";

/** Core's compileDraft with the real renderer: from requests and answers to the .docx in the Drafts library. */
async function setUp(language: ReportLanguage = "en") {
  const world = await buildWorld();
  const deps = { ...world.deps, renderer: new DocxDraftRenderer() };
  const [justice, education, women] = world.ministries;
  const report = await world.addReport({ title: "UPR national report, cycle 5", language });
  const answered = await world.addRecommendation({ leadMinistryId: justice!.id, paragraph: "140.2", recommendingStates: ["Brazil"] });
  const open = await world.addRecommendation({ leadMinistryId: education!.id, paragraph: "140.10", cluster: "Right to education" });
  await world.addRecommendation({ leadMinistryId: women!.id, paragraph: "140.11", cluster: "Right to education" }); // nobody asked
  const { created } = await createRequests(
    deps,
    { reportId: report.id, subjects: [answered, open].map((r) => ({ kind: "recommendation" as const, recommendationId: r.id })), ask: "What was done?", dueDate: "2026-04-05" },
    world.secretariat,
  );
  const { created: sections } = await createRequests(
    deps,
    { reportId: report.id, subjects: [{ kind: "section", section: "methodology", title: "Methodology and consultation process" }], ministries: { mode: "selected", ministryIds: [women!.id] }, ask: "Describe the consultations.", dueDate: "2026-04-05" },
    world.secretariat,
  );
  const justiceFocalPoint = world.focalPoints[justice!.id]!.technical;
  await recordContribution(deps, { requestId: created[0]!.id, text: "The Child Protection Act was adopted.\n- It bans corporal punishment.", reportedStatus: "implemented", submissionId: "a", via: "card" }, justiceFocalPoint);
  await recordContribution(deps, { requestId: sections[0]!.id, text: "أجريت مشاورات مع منظمات المجتمع المدني.", submissionId: "b", via: "chat" }, world.focalPoints[women!.id]!.technical);
  return { world, deps, report, justiceFocalPoint };
}

describe("compiling a draft with the Word renderer", () => {
  it("uploads a .docx with each answer attributed, the missing ones visible and the words counted", async () => {
    const { world, deps, report, justiceFocalPoint } = await setUp();
    const result = await compileDraft(deps, { reportId: report.id }, world.secretariat);
    const stored = await world.documents.get("Drafts", result.draft.fileId);
    expect(stored.file.name).toBe("UPR national report, cycle 5 — draft v1.docx");
    const draft = await readDocx(stored.content);

    expect(draft.comments.map((c) => c.author).sort()).toEqual(["Ministry of Justice", "Ministry of Women's Affairs"]);
    expect(draft.comments.find((c) => c.author === "Ministry of Justice")?.text).toContain(justiceFocalPoint.displayName);
    expect(draft.footnotes.map((f) => f.text.trim())).toEqual(["A/HRC/59/15, para. 140.10.", "A/HRC/59/15, para. 140.2."]); // by cluster: education, then the child
    const highlighted = draft.paragraphs.filter((p) => p.highlighted).map((p) => p.text);
    expect(highlighted).toContain("[Awaiting input from Ministry of Education, due 5 April 2026.]");
    expect(highlighted).toContain("[No ministry has been asked about this accepted recommendation yet: A/HRC/59/15, para. 140.11.]");
    expect(draft.paragraphs.find((p) => p.text.startsWith("أجريت"))?.rightToLeft).toBe(true);
    expect(draft.headers.join(" ")).toContain("Draft v1 — 2 March 2026");
    // The matrix holds the previous cycle's recommendations.
    expect(draft.tables[0]?.rows.filter((row) => row.length === 4)).toHaveLength(4);

    const words = wordsByPart(draft);
    expect(result.wordCount).toEqual({ counted: words.body, excluded: words.annex + words.footnotes, limit: 10_700 });
    expect(result.draft.wordCount).toEqual(result.wordCount);
    expect(result.draft.unansweredRequestIds).toHaveLength(1);
  });

  it("patches the draft into the secretariat's template", async () => {
    const { world, deps, report } = await setUp();
    const result = await compileDraft(deps, { reportId: report.id, template: await makeTemplate() }, world.secretariat);
    const draft = await readDocx((await world.documents.get("Drafts", result.draft.fileId)).content);
    expect(draft.paragraphs[0]?.style).toBe("Letterhead");
    expect(draft.headers.join(" ")).toContain("UPR national report, cycle 5 | Draft v1, 2 March 2026");
    expect(draft.comments).toHaveLength(2);
  });

  it("stamps each draft with which draft it is, in custom document properties Word reads (nothing secret), into a template too", async () => {
    const { world, deps, report } = await setUp();
    const first = await compileDraft(deps, { reportId: report.id }, world.secretariat);
    const second = await compileDraft(deps, { reportId: report.id, template: await makeTemplate() }, world.secretariat);
    for (const { draft } of [first, second]) {
      const properties = await readCustomProperties((await world.documents.get("Drafts", draft.fileId)).content);
      expect(properties).toEqual({
        "NMIRF.Site": "contoso.sharepoint.com/sites/nmirf",
        "NMIRF.ReportId": report.id,
        "NMIRF.DraftId": draft.id,
        "NMIRF.DraftVersion": String(draft.version),
      });
      expect(draftIdentityFrom(properties)).toEqual({ site: "contoso.sharepoint.com/sites/nmirf", reportId: report.id, draftId: draft.id, draftVersion: draft.version });
    }
    expect(second.draft.version).toBe(2);
  });

  it("reads a document without our properties as not one of our drafts", () => {
    expect(draftIdentityFrom({})).toBeUndefined();
    expect(draftIdentityFrom({ "NMIRF.Site": "s", "NMIRF.ReportId": "12", "NMIRF.DraftId": "3", "NMIRF.DraftVersion": "two" })).toBeUndefined();
  });

  /** What a reader of each language sees: the UN's chapter title, a date, a placeholder, the header, the matrix's labels. */
  const IN_EACH_LANGUAGE = {
    en: { chapter: "I. Methodology and consultation process", awaiting: "[Awaiting input from Ministry of Education, due 5 April 2026.]", header: "Draft v1 — 2 March 2026", annex: ["Annex", "Position", "Supported"], footnote: "A/HRC/59/15, para. 140.2." },
    fr: { chapter: "I. Méthode et processus de consultation", awaiting: "[Contribution attendue de Ministry of Education, échéance : 5 avril 2026.]", header: "Projet v1 — 2 mars 2026", annex: ["Annexe", "Position", "Acceptée"], footnote: "A/HRC/59/15, par. 140.2." },
    es: { chapter: "I. Metodología y proceso de consulta", awaiting: "[Se espera la contribución de Ministry of Education, plazo: 5 de abril de 2026.]", header: "Borrador v1 — 2 de marzo de 2026", annex: ["Anexo", "Posición", "Aceptada"], footnote: "A/HRC/59/15, párr. 140.2." },
    ar: { chapter: "أولاً- منهجية إعداد التقرير وعملية التشاور", awaiting: "[في انتظار مساهمة Ministry of Education، الموعد النهائي: 5 نيسان/أبريل 2026.]", header: "المسودة 1 — 2 آذار/مارس 2026", annex: ["المرفق", "الموقف", "حظيت بالتأييد"], footnote: "A/HRC/59/15، الفقرة 140.2." },
  } satisfies Record<ReportLanguage, unknown>;

  it.each(Object.entries(IN_EACH_LANGUAGE))("compiles the same report in %s: its fixed words, dates, labels and annex in that language, the answers as the ministries wrote them", async (language, expected) => {
    const { world, deps, report } = await setUp(language as ReportLanguage);
    const result = await compileDraft(deps, { reportId: report.id }, world.secretariat);
    const draft = await readDocx((await world.documents.get("Drafts", result.draft.fileId)).content);
    const texts = draft.paragraphs.map((p) => p.text);
    expect(texts).toContain(expected.chapter);
    expect(draft.paragraphs.filter((p) => p.highlighted).map((p) => p.text)).toContain(expected.awaiting);
    expect(draft.headers.join(" ")).toContain(expected.header);
    expect(draft.footnotes.map((f) => f.text.trim())).toContain(expected.footnote);
    const annexCells = draft.tables[0]!.rows.flat();
    expect(texts).toContain(expected.annex[0]);
    expect(annexCells).toEqual(expect.arrayContaining(expected.annex.slice(1)));
    // Contributions stay in the ministry's words, whatever the report's language.
    expect(texts).toContain("The Child Protection Act was adopted.");
    expect(texts).toContain("أجريت مشاورات مع منظمات المجتمع المدني.");
    // The words are counted as the mechanism counts them, in every language.
    const words = wordsByPart(draft, expected.annex[0]);
    expect(result.wordCount).toEqual({ counted: words.body, excluded: words.annex + words.footnotes, limit: 10_700 });

    const document = draft.parts["word/document.xml"] ?? "";
    const heading = draft.paragraphs.find((p) => p.text === expected.chapter && p.style === "Heading1")!;
    const english = draft.paragraphs.find((p) => p.text === "The Child Protection Act was adopted.")!;
    if (language === "ar") {
      // Right to left: the report's own paragraphs, the matrix, every section; an English answer keeps its own direction.
      expect(heading.rightToLeft).toBe(true);
      expect(english.rightToLeft).toBe(false);
      expect(document).toContain("<w:bidiVisual/>");
      expect(document.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)?.every((section) => section.includes("<w:bidi/>"))).toBe(true);
      expect(draft.parts["word/styles.xml"]).toMatch(/w:cs="Simplified Arabic"/);
    } else {
      expect(heading.rightToLeft).toBe(false);
      expect(document).not.toContain("<w:bidiVisual/>");
    }
  });

  it("refuses a draft in a language the catalogue has no drafts in", async () => {
    const demo = demoDraftContent();
    await expect(new DocxDraftRenderer().render({ ...demo, report: { ...demo.report, language: "xx" as ReportLanguage } })).rejects.toThrow(/Drafts cannot be written in "xx"/);
  });
});
