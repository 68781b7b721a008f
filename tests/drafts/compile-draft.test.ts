import { buildWorld } from "../../core/testing/world";
import { compileDraft } from "../../core/drafts/compile-draft";
import { createRequests } from "../../core/requests/create-requests";
import { recordContribution } from "../../core/contributions/record-contribution";
import { DocxDraftRenderer } from "../../drafts";
import { readDocx, wordsByPart } from "../../drafts/testing/read-docx";
import { makeTemplate } from "../../drafts/testing/templates";

/** Core's compileDraft with the real renderer: from requests and answers to the .docx in the Drafts library. */
async function setUp() {
  const world = await buildWorld();
  const deps = { ...world.deps, renderer: new DocxDraftRenderer() };
  const [justice, education, women] = world.ministries;
  const report = await world.addReport({ title: "UPR national report, cycle 5" });
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
});
