/**
 * Thematic lists as Word files, made by the tests in the layouts of cycles 2, 3 and 4 (cycles 2
 * and 3 as read in Slovenia's published lists of sessions 20 and 34): what the reader takes
 * from the document's XML, end to end through core's parser.
 */
import JSZip from "jszip";
import { KNOWN_HEADER_ROWS, type ValidRow } from "../../core/import";
import { readImportFile } from "../../importers";
import { wordDocument } from "./support/files";

const cycle4Header = [...KNOWN_HEADER_ROWS["cycle-4"]];
const cycle23Header = [...KNOWN_HEADER_ROWS["cycle-2-3"]];

function valid(rows: { ok: boolean }[]): ValidRow[] {
  return rows.filter((row): row is ValidRow => row.ok);
}

describe("a cycle 4 list in Word", () => {
  it("reads merged heading rows, the page header, and a position cell merged down over two rows", async () => {
    const bytes = await wordDocument(
      [
        {
          table: [
            cycle4Header,
            [{ lines: ["Theme: Right to health"], span: 4 }],
            [
              "140.30 Improve access to health care for Roma (Chile) (Peru);\nSource of Position: A/HRC/59/15/Add.1 - Para.3",
              { lines: ["Supported"], vMerge: "restart" },
              "- Right to health\nGroups of Persons: \n- Roma, Gypsies, Sinti & Travellers",
              "- 3 - GOOD HEALTH AND WELL-BEING",
            ],
            [
              "140.31 Ensure health insurance for all (Côte d’Ivoire);\nSource of Position: A/HRC/59/15/Add.1 - Para.3",
              { lines: [], vMerge: "continue" },
              "- Right to health",
              "- 3 - GOOD HEALTH AND WELL-BEING\n- 10 - REDUCED INEQUALITIES",
            ],
          ],
        },
      ],
      "UPR of Slovenia (4th Cycle - 48th Session) Thematic list of recommendations",
    );
    const parsed = await readImportFile(bytes, { fileName: "list.docx" });
    expect(parsed).toMatchObject({ layout: "cycle-4", source: { country: "Slovenia", cycle: 4, session: 48 }, clusters: ["Right to health"] });
    expect(valid(parsed.rows).map((row) => row.fields)).toEqual([
      expect.objectContaining({ key: "A/HRC/59/15#140.30", recommendingStates: ["Chile", "Peru"], position: "supported", affectedGroups: ["Roma, Gypsies, Sinti & Travellers"], sdgGoals: [3] }),
      expect.objectContaining({ key: "A/HRC/59/15#140.31", recommendingStates: ["Côte d'Ivoire"], position: "supported", sdgGoals: [3, 10] }),
    ]);
  });
});

describe("a cycle 3 list in Word", () => {
  it("reads SDGs and affected persons from the themes cell", async () => {
    const bytes = await wordDocument(
      [
        {
          table: [
            cycle23Header,
            [{ lines: ["Theme: Equality & non-discrimination"], span: 4 }],
            [
              "121.6 Continue taking effective measures to protect the rights of vulnerable groups (China);\nSource of Position: A/HRC/43/15 - Para 121",
              "Supported",
              "- Equality & non-discrimination\nSDGs: \n- 10 - REDUCED INEQUALITIES\nAffected persons: \n- Children\n- older persons",
              "",
            ],
          ],
        },
      ],
      "UPR of Slovenia (3rd Cycle - 34th session)",
    );
    const parsed = await readImportFile(bytes);
    expect(parsed.layout).toBe("cycle-3");
    expect(valid(parsed.rows)[0]!.fields).toMatchObject({ key: "A/HRC/43/15#121.6", sdgGoals: [10], affectedGroups: ["Children", "Older persons"], session: 34, cycle: 3 });
  });
});

describe("a cycle 2 list in Word", () => {
  it("reads coded themes, comma-separated States, cluster headings between tables, and the session given", async () => {
    const row = (text: string, position: string, themes: string) => [`${text}\nSource of position: A/HRC/28/15/Add.1 - Para. 3`, position, themes, ""];
    const bytes = await wordDocument([
      { paragraph: "Theme: A12 Acceptance of international norms" },
      { table: [cycle23Header, row("115.3 Ratify the Optional Protocol on a communications procedure (Portugal, Slovakia);", "Supported", "A12 Acceptance of international norms\nAffected persons:\n- children")] },
      { paragraph: "Theme: D43 Freedom of opinion and expression" },
      { table: [cycle23Header, row("115.132 Decriminalize defamation (Estonia);", "Noted", "D43 Freedom of opinion and expression\nAffected persons:\n- general")] },
    ]);
    const parsed = await readImportFile(bytes, { session: 20 });
    expect(parsed).toMatchObject({ layout: "cycle-2", source: { session: 20, cycle: 2 }, clusters: ["Acceptance of international norms", "Freedom of opinion and expression"] });
    const rows = valid(parsed.rows);
    expect(rows.map((r) => [r.table, r.row, r.fields.key, r.fields.recommendingStates, r.fields.position, r.fields.affectedGroups])).toEqual([
      [1, 2, "A/HRC/28/15#115.3", ["Portugal", "Slovakia"], "supported", ["Children"]],
      [2, 2, "A/HRC/28/15#115.132", ["Estonia"], "noted", []],
    ]);
    expect(rows[0]!.fields).not.toHaveProperty("sdgGoals");
  });
});

describe("what Word documents carry besides text", () => {
  it("deleted revisions and field codes are not text; inserted revisions and line breaks are", async () => {
    const document = await wordDocument([{ table: [cycle4Header, ["140.1 placeholder (Chile);\nSource of Position: A/HRC/59/15/Add.1 - Para.3", "Supported", "", ""]] }]);
    const zip = await JSZip.loadAsync(document);
    const xml = (await zip.file("word/document.xml")!.async("string")).replace(
      '<w:t xml:space="preserve">140.1 placeholder (Chile);</w:t>',
      '<w:t xml:space="preserve">140.1 Adopt </w:t></w:r><w:del><w:r><w:delText>an old</w:delText></w:r></w:del><w:ins><w:r><w:t>a new</w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText><w:t xml:space="preserve"> law</w:t><w:br/><w:t>on health (Chile);</w:t>',
    );
    zip.file("word/document.xml", xml);
    const parsed = await readImportFile(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    expect(valid(parsed.rows)[0]!.fields.text).toBe("Adopt a new law\non health");
  });

  it("a document declaring a DTD is refused", async () => {
    const document = await wordDocument([{ paragraph: "x" }]);
    const zip = await JSZip.loadAsync(document);
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", xml.replace("<w:document", '<!DOCTYPE w:document [<!ENTITY a "aaaa">]><w:document'));
    await expect(readImportFile(await zip.generateAsync({ type: "nodebuffer" }))).rejects.toThrow("declares a DTD, which Word never writes");
  });
});
