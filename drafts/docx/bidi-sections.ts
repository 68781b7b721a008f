import JSZip from "jszip";

/**
 * Marks every section of a packed .docx right to left (`<w:bidi/>` in each `w:sectPr`): an
 * Arabic report's pages, columns and gutter run from the right. The docx library writes no
 * such property, so it is added to the packed document.xml, at its place in the schema's
 * order (after `w:textDirection`, before `w:rtlGutter` and `w:docGrid`).
 */
export async function rightToLeftSections(docx: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file("word/document.xml");
  if (!file) return Buffer.from(docx);
  const xml = await file.async("string");
  const patched = xml.replace(/<w:sectPr\b([^>]*)>([\s\S]*?)<\/w:sectPr>/g, (whole, attributes: string, inner: string) => {
    if (/<w:bidi\s*\/>/.test(inner)) return whole;
    const at = inner.search(/<w:(rtlGutter|docGrid|printerSettings|sectPrChange)\b/);
    const withBidi = at < 0 ? `${inner}<w:bidi/>` : `${inner.slice(0, at)}<w:bidi/>${inner.slice(at)}`;
    return `<w:sectPr${attributes}>${withBidi}</w:sectPr>`;
  });
  zip.file("word/document.xml", patched);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
