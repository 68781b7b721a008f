import JSZip from "jszip";
import { DRAFT_PROPERTY_NAMES, type DraftIdentity } from "../../core/drafts/draft-identity";

const CUSTOM_PART = "docProps/custom.xml";
const CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const CUSTOM_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
/** The format id every custom property carries (ECMA-376 part 1, 22.3.2.2). */
const USER_DEFINED_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The custom properties part: the identity as text properties (Word shows them under File › Info › Properties › Advanced › Custom). */
function customPropertiesXml(identity: DraftIdentity): string {
  const values: [string, string][] = [
    [DRAFT_PROPERTY_NAMES.site, identity.site],
    [DRAFT_PROPERTY_NAMES.reportId, identity.reportId],
    [DRAFT_PROPERTY_NAMES.draftId, identity.draftId],
    [DRAFT_PROPERTY_NAMES.draftVersion, String(identity.draftVersion)],
  ];
  const properties = values
    .map(([name, value], index) => `<property fmtid="${USER_DEFINED_FMTID}" pid="${index + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${properties}</Properties>`
  );
}

/**
 * Stamps a packed .docx with the draft's identity as custom document properties
 * (`docProps/custom.xml`, its content type and the package relationship). A custom
 * properties part already there (a secretariat's template may have one) is replaced: its
 * properties would otherwise name the template, not the draft.
 */
export async function stampDraftIdentity(docx: Uint8Array, identity: DraftIdentity): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  zip.file(CUSTOM_PART, customPropertiesXml(identity));

  const typesFile = zip.file("[Content_Types].xml");
  if (!typesFile) throw new Error("not a Word document: it has no [Content_Types].xml");
  let types = await typesFile.async("string");
  if (!types.includes(`PartName="/${CUSTOM_PART}"`)) {
    types = types.replace("</Types>", `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_CONTENT_TYPE}"/></Types>`);
    zip.file("[Content_Types].xml", types);
  }

  const relsFile = zip.file("_rels/.rels");
  if (!relsFile) throw new Error("not a Word document: it has no _rels/.rels");
  let rels = await relsFile.async("string");
  if (!rels.includes(CUSTOM_RELATIONSHIP)) {
    const taken = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
    let n = 1;
    while (taken.has(`rIdNmirf${n}`)) n++;
    rels = rels.replace("</Relationships>", `<Relationship Id="rIdNmirf${n}" Type="${CUSTOM_RELATIONSHIP}" Target="${CUSTOM_PART}"/></Relationships>`);
    zip.file("_rels/.rels", rels);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/**
 * A .docx's custom document properties by name, their values as text (what Word's
 * `customProperties` gives): none when the package has no custom properties part. Local mode's
 * stand-in for Word reads a draft's identity with it.
 */
export async function readCustomProperties(docx: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const rels = (await zip.file("_rels/.rels")?.async("string")) ?? "";
  const target = /<Relationship\b[^>]*\bType="[^"]*\/custom-properties"[^>]*>/.exec(rels)?.[0].match(/\bTarget="([^"]+)"/)?.[1];
  const xml = target ? await zip.file(target.replace(/^\//, ""))?.async("string") : undefined;
  const properties: Record<string, string> = {};
  for (const match of (xml ?? "").matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/property>/g)) {
    const value = /<vt:[A-Za-z0-9]+>([\s\S]*?)<\/vt:[A-Za-z0-9]+>/.exec(match[2] ?? "")?.[1] ?? "";
    properties[unescapeXml(match[1] ?? "")] = unescapeXml(value);
  }
  return properties;
}
