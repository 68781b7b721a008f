import { demoDraftContent } from "../demo/demo-content";
import { DocxDraftRenderer } from "../docx-draft-renderer";
import { readDocx } from "../testing/read-docx";
import { makeTemplate } from "../testing/templates";

/**
 * Placeholders are read from the template only: an answer, a title or a recommendation that
 * happens to contain `{{annex}}` or `{{body}}` is printed as written, and the annex once.
 */
describe("a draft compiled into a template with placeholders typed in people's words", () => {
  it("prints an answer's {{annex}} and {{body}} verbatim, and the annex only where the template has it", async () => {
    const content = demoDraftContent("upr-national");
    const first = content.items.find((item) => item.answers.length > 0)!;
    const typed = "We refer to {{annex}} and to {{body}} of last year's report, and to {{title}}.";
    first.answers[0] = { ...first.answers[0]!, text: typed };
    content.report = { ...content.report, title: `${content.report.title} {{date}}` };
    const plain = await readDocx((await new DocxDraftRenderer().render(content)).content);
    const draft = await readDocx((await new DocxDraftRenderer().render(content, { template: await makeTemplate() })).content);
    const texts = draft.paragraphs.map((p) => p.text);
    expect(texts.filter((t) => t.includes(typed))).toHaveLength(1);
    expect(draft.tables).toHaveLength(plain.tables.length);
    expect(draft.headers.join("\n")).toContain(`${content.report.title} | `);
    expect(Object.values(draft.parts).join("")).not.toContain("\ue000");
  });
});
