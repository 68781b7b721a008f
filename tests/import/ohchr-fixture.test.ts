/**
 * The real thing: Slovenia's UPR cycle 4 thematic list of recommendations (session 48, public UN
 * document), read from the .docx as OHCHR published it. The spot checks below were read by hand
 * in the document.
 */
import type { Actor } from "../../core/auth/policy";
import type { ParsedImport, ValidRow } from "../../core/import";
import { FakeClock } from "../../core/in-memory/fakes";
import { createInMemoryRepositories } from "../../core/in-memory/in-memory-repositories";
import { queryAll } from "../../core/ports/repository";
import { commitImport, previewImport } from "../../core/import/import-recommendations";
import { readImportFile } from "../../importers";
import { thematicListFixture } from "./support/files";

const secretariat: Actor = { userId: "sec-1", displayName: "Sara Secretariat", roles: ["Secretariat"], ministryIds: [] };

let parsed: ParsedImport;
let byParagraph: Map<string, ValidRow>;

beforeAll(async () => {
  parsed = await readImportFile(thematicListFixture(), { fileName: "ohchr-upr-thematic-list-slovenia-cycle4.docx" });
  byParagraph = new Map(parsed.rows.filter((row): row is ValidRow => row.ok).map((row) => [row.fields.paragraph, row]));
});

function paragraph(number: string) {
  const row = byParagraph.get(number);
  if (!row) throw new Error(`140.x paragraph ${number} not read`);
  return row;
}

describe("Slovenia's UPR cycle 4 thematic list", () => {
  it("is the cycle 4 layout, of Slovenia's review at session 48", () => {
    expect(parsed).toMatchObject({ format: "ohchr-docx", layout: "cycle-4", source: { country: "Slovenia", cycle: 4, session: 48 }, warnings: [] });
  });

  it("gives all 254 recommendations, paragraphs 140.1 to 140.254 of A/HRC/59/15, each once and valid", () => {
    expect(parsed.rows).toHaveLength(254);
    expect(parsed.rows.filter((row) => !row.ok)).toEqual([]);
    const keys = new Set([...byParagraph.values()].map((row) => row.fields.key));
    expect(keys).toEqual(new Set(Array.from({ length: 254 }, (_, index) => `A/HRC/59/15#140.${index + 1}`)));
    expect([...byParagraph.values()].every((row) => row.warnings.length === 0)).toBe(true);
  });

  it("has 43 theme clusters (53 heading rows: supported ones first, then noted ones, under repeated headings)", () => {
    expect(parsed.clusters).toHaveLength(43);
    expect(parsed.clusters[0]).toBe("Ratification of & accession to international instruments");
    expect(parsed.clusters).toContain("National Mechanisms for Implementation, Reporting and Follow-up (NMIRF)");
    expect(parsed.clusters.at(-1)).toBe("Freedom of thought, conscience & religion");
  });

  it("140.7: supported, recommended by Maldives and Portugal, eight SDGs", () => {
    expect(paragraph("140.7")).toMatchObject({
      row: 3,
      fields: {
        text: "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
        recommendingStates: ["Maldives", "Portugal"],
        position: "supported",
        positionSource: "A/HRC/59/15/Add.1, para. 3",
        cluster: "Ratification of & accession to international instruments",
        themes: ["Ratification of & accession to international instruments", "Economic, social & cultural rights - general measures of implementation"],
        affectedGroups: ["Public officials"],
        sdgGoals: [1, 2, 3, 4, 5, 6, 7, 8],
        mechanism: "UPR",
        session: 48,
        cycle: 4,
      },
    });
  });

  it("140.1: noted (A/HRC/59/15/Add.1 para. 5), eight recommending States in one list", () => {
    expect(paragraph("140.1").fields).toMatchObject({
      text: "Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
      recommendingStates: ["Algeria", "Cabo Verde", "Paraguay", "South Sudan", "Sri Lanka", "Togo", "Uruguay", "Bolivarian Republic of Venezuela"],
      position: "noted",
      positionSource: "A/HRC/59/15/Add.1, para. 5",
      sdgGoals: [8, 10],
    });
  });

  it("140.167: 'Venezuela (Bolivarian Republic of)' is written as the Working Group writes it elsewhere", () => {
    expect(paragraph("140.167").fields).toMatchObject({ recommendingStates: ["Bolivarian Republic of Venezuela"], position: "supported", cluster: "Advancement of women", sdgGoals: [5, 10] });
  });

  it("140.59 and 140.55: noted, under clusters only the noted recommendations have", () => {
    expect(paragraph("140.59").fields).toMatchObject({ recommendingStates: ["Belarus"], position: "noted", cluster: "Unilateral coercive measures", sdgGoals: [16] });
    expect(paragraph("140.55").fields).toMatchObject({
      recommendingStates: ["State of Palestine"],
      position: "noted",
      cluster: "International criminal & humanitarian law (including crimes against humanity, war crimes, genocide)",
    });
  });

  it("140.63: three themes, three groups of persons, two SDGs", () => {
    expect(paragraph("140.63").fields).toMatchObject({
      recommendingStates: ["Indonesia"],
      cluster: "Legal & institutional reform",
      themes: ["Legal & institutional reform", "Violence against women", "Freedom of opinion and expression & access to information"],
      affectedGroups: ["Public officials", "Women & girls", "Media"],
      sdgGoals: [5, 16],
    });
  });

  it("140.113's source 'Para.3vv' (a typo in the document) reads as para. 3; 140.254 ends with a full stop, not a semicolon", () => {
    expect(paragraph("140.113").fields).toMatchObject({ recommendingStates: ["Lebanon"], positionSource: "A/HRC/59/15/Add.1, para. 3" });
    expect(paragraph("140.254").fields).toMatchObject({
      text: "Strengthen measures to reduce statelessness and ensure the protection of stateless persons",
      recommendingStates: ["Iraq"],
      sdgGoals: [10, 16],
    });
  });

  it("adds up: 262 mentions of 94 recommending States; SDG 16 on 94 recommendations, SDG 10 on 87, SDG 13 on 3", () => {
    const rows = [...byParagraph.values()];
    const mentions = rows.flatMap((row) => row.fields.recommendingStates ?? []);
    expect(mentions).toHaveLength(262);
    expect(new Set(mentions).size).toBe(94);
    const withGoal = (goal: number) => rows.filter((row) => row.fields.sdgGoals?.includes(goal)).length;
    expect([withGoal(16), withGoal(10), withGoal(5), withGoal(13)]).toEqual([94, 87, 54, 3]);
  });

  it("previews as 254 new (217 supported, 37 noted, 43 clusters), commits, and re-imports as 254 unchanged", async () => {
    const repos = createInMemoryRepositories();
    const deps = { repos, clock: new FakeClock() };
    const preview = await previewImport(deps, secretariat, parsed);
    expect(preview).toMatchObject({ total: 254, new: 254, changed: 0, unchanged: 0, duplicates: 0, invalid: 0, position: { supported: 217, "supported-in-part": 0, noted: 37, none: 0 }, clusters: 43 });

    const result = await commitImport(deps, secretariat, parsed);
    expect(result).toMatchObject({ created: 254, failed: 0, auditEntries: 1 });
    expect(await queryAll(repos.recommendations, { top: 5000 })).toHaveLength(254);

    const again = await previewImport(deps, secretariat, await readImportFile(thematicListFixture()));
    expect(again).toMatchObject({ new: 0, unchanged: 254, changed: 0 });
  });
});
