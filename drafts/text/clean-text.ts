/**
 * Text on its way into the document's XML. XML 1.0 allows tab, line feed and carriage return
 * and nothing else below U+0020, no lone surrogate and neither U+FFFE nor U+FFFF: one such
 * character anywhere makes Word refuse the whole file. Contributions arrive from chat, from
 * copy-paste out of PDFs and spreadsheets, so every string is cleaned here, whatever checked
 * it before.
 */

// C0 controls other than tab and line breaks, DEL and the C1 controls (invisible leftovers of
// legacy encodings; NEL, U+0085, is a line break and is handled below), and the two non-characters.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/g;
// Fast path: most text holds none of the characters above.
// eslint-disable-next-line no-control-regex -- see FORBIDDEN
const SUSPECT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\u2028\u2029\uFFFE\uFFFF]/;

/** Well-formed text: forbidden characters removed, lone surrogates replaced by U+FFFD, line breaks as `\n`. */
export function cleanText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(LINE_BREAKS, "\n").replace(FORBIDDEN, "").replace(LONE_SURROGATE, "\uFFFD");
}

// Anything cleanLine would change: a character cleanText handles, a tab or line break, two spaces in a row.
// eslint-disable-next-line no-control-regex -- see FORBIDDEN
const NOT_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\u2028\u2029\uFFFE\uFFFF]| {2}/;

/**
 * Well-formed text on one line: line breaks and tabs become spaces, runs of spaces one space,
 * no space at either end. Other spaces (no-break, thin) are kept as typed.
 */
export function cleanLine(text: string): string {
  if (!NOT_ONE_LINE.test(text) && !text.startsWith(" ") && !text.endsWith(" ")) return text;
  return cleanText(text).replace(/[ \t\n\r\f\v]+/g, " ").replace(/^ | $/g, "");
}

/**
 * The paragraphs of a contribution as its author typed them: one per non-empty line. A line
 * that starts with a bullet ("-", "•", "*", "–") is a bullet point.
 */
export function splitParagraphs(text: string): { text: string; bullet: boolean }[] {
  const out: { text: string; bullet: boolean }[] = [];
  for (const raw of cleanText(text).split("\n")) {
    const line = (/\t| {2}/.test(raw) ? raw.replace(/[ \t]+/g, " ") : raw).trim();
    if (!line) continue;
    const bullet = /^[-•*–]\s+/.exec(line);
    const body = bullet ? line.slice(bullet[0].length).trim() : line;
    if (body) out.push({ text: body, bullet: Boolean(bullet) });
  }
  return out;
}
