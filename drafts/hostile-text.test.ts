import type { DraftContent } from "../core/drafts/draft-content";
import { demoDraftContent } from "./demo/demo-content";
import { DocxDraftRenderer } from "./docx-draft-renderer";
import { readDocx } from "./testing/read-docx";
import { makeTemplate } from "./testing/templates";

const HOSTILE = "a\u0001b <w:p> & </w:t> 😀 العربية \uD800 end";
const EXPECTED = "ab <w:p> & </w:t> 😀 العربية \uFFFD end";

/** Every string the renderer writes, from the title to the matrix, made hostile. */
function hostile(content: DraftContent): DraftContent {
  const answer = content.items.flatMap((i) => i.answers)[0];
  if (!answer) throw new Error("demo content changed");
  return {
    ...content,
    report: { ...content.report, title: `Report ${HOSTILE}`, documentSymbol: `A/HRC/${HOSTILE}` },
    items: content.items.map((item) => ({
      subject:
        item.subject.kind === "recommendation"
          ? { ...item.subject, text: HOSTILE, cluster: `Cluster ${HOSTILE}`, recommendingStates: [HOSTILE], paragraph: `1${HOSTILE}` }
          : item.subject.kind === "section"
            ? { ...item.subject, title: HOSTILE, section: HOSTILE }
            : { ...item.subject, text: HOSTILE },
      answers: item.answers.map((a) => ({ ...a, text: `${HOSTILE}\n- ${HOSTILE}`, ministryName: `Ministry ${HOSTILE}`, authorName: HOSTILE, attachments: [{ name: HOSTILE, webUrl: "https://example.org/a?b=1&c=<2>" }] })),
      gaps: item.gaps.map((g) => ({ ...g, ministryName: `Ministry ${HOSTILE}` })),
    })).concat([{ subject: { kind: "question", number: HOSTILE, text: HOSTILE }, answers: [], gaps: [] }]),
    annex: content.annex.map((row) => ({ ...row, text: HOSTILE, leadMinistry: HOSTILE, cluster: HOSTILE })),
    consultations: content.consultations.map((c) => ({ ...c, stakeholder: HOSTILE, subject: HOSTILE, summary: HOSTILE })),
  };
}

describe("hostile text", () => {
  it.each(["upr-national", "loipr-replies", "follow-up", "upr-midterm"] as const)("produces a %s draft whose every part parses as XML, with the text as typed", async (type) => {
    const rendered = await new DocxDraftRenderer().render(hostile(demoDraftContent(type)));
    const draft = await readDocx(rendered.content); // throws if any part is not well-formed
    const everything = [...draft.paragraphs.map((p) => p.text), ...draft.comments.map((c) => c.text), ...draft.comments.map((c) => c.author), ...draft.footnotes.map((f) => f.text), ...draft.headers].join("\n");
    expect(everything).toContain(EXPECTED);
    expect(everything).not.toContain("\u0001");
    expect(everything).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(Object.values(draft.parts).join("")).not.toContain("<w:p> &");
    expect(draft.comments.every((c) => c.author === "Ministry ab <w:p> & </w:t> 😀 العربية \uFFFD end")).toBe(true);
  });

  it("produces a draft patched into a template whose every part parses, with the text as typed", async () => {
    const rendered = await new DocxDraftRenderer().render(hostile(demoDraftContent("upr-national")), { template: await makeTemplate() });
    const draft = await readDocx(rendered.content);
    expect([...draft.paragraphs.map((p) => p.text), ...draft.headers, ...draft.comments.map((c) => c.author)].join("\n")).toContain(EXPECTED);
    const parts = Object.values(draft.parts).join("");
    expect(parts).not.toContain("\u0001");
    expect(parts).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
