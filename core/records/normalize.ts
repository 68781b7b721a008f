/**
 * One normalisation of names and keys for every door (the API, the bot, imports, the demo seed):
 * two spellings a person cannot tell apart are the same name. "Ministry of Justice" typed with a
 * no-break space, a zero-width space, a Cyrillic "е", a fullwidth "Ｍ" or a decomposed accent is
 * the Ministry of Justice; the paragraph `148.１` or `148.1` followed by a zero-width space is 148.1.
 *
 * The text people typed is kept as they typed it (tidied: NFC, no invisible characters, single
 * spaces); the *key* derived from it decides what is the same.
 */

/**
 * Characters that show nothing: zero-width space, non-joiner and joiner, word joiner and the other
 * invisible operators, the byte order mark, the soft hyphen, the Mongolian vowel separator, and the
 * bidirectional marks, embeddings, overrides and isolates (which can also make a name read backwards).
 */
export const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** Control characters (NUL included), which no name shows. */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** The bidirectional controls alone (what makes `evil\u202Efdp.exe` show as `evilexe.pdf`). */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Every kind of space (no-break, thin, ideographic...), tabs and line breaks. */
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Fullwidth forms of ASCII (`１４８．１`, `Ｍ`) as ASCII: what NFKC does for them, without touching the rest of a text. */
export function foldFullwidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** Text as it is kept: NFC, invisible characters removed, runs of any space as one space, trimmed. */
export function tidyText(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "").replace(SPACES, " ").trim();
}

/**
 * Letters of other scripts that look like Latin ones (Unicode's confusables, the ones that matter
 * in names): Cyrillic and Greek, lower case (keys are compared in lower case).
 */
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  а: "a", в: "b", е: "e", ё: "ë", з: "3", і: "i", ї: "ï", ј: "j", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", ѕ: "s", һ: "h", ӏ: "l", ԁ: "d", ԛ: "q", ԝ: "w", ү: "y",
  // Greek (as their capitals read: keys are compared in lower case, so both cases map alike)
  α: "a", β: "b", ε: "e", ζ: "z", η: "h", ι: "i", κ: "k", μ: "m", ν: "n", ο: "o", ρ: "p", τ: "t", υ: "y", χ: "x", ϲ: "c", ϳ: "j",
  // Latin letters that read as others
  ı: "i", ȷ: "j", ſ: "s",
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join("")}]`, "g");

/**
 * The comparison key of a name: compatibility forms folded (fullwidth letters and digits, ligatures:
 * NFKC), invisible characters dropped, spaces folded, case folded, look-alike letters of other
 * scripts read as the Latin ones. Accents are kept: "Ministère" and "Ministere" are two spellings a
 * reader does tell apart.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(SPACES, " ")
    .trim()
    .toLowerCase()
    .replace(LOOKALIKE, (letter) => LOOKALIKES[letter] ?? letter)
    .normalize("NFC");
}

/** The key of an identifier (a document symbol, a paragraph number): as `nameKey`, with no spaces at all. */
export function identifierKey(identifier: string): string {
  return nameKey(identifier).replace(/ /g, "");
}

/** An identifier as it is kept (a paragraph number, a document symbol): compatibility forms folded (`１` is `1`), no invisible characters, no spaces around. */
export function tidyIdentifier(identifier: string): string {
  return identifier.normalize("NFKC").replace(INVISIBLE, "").replace(SPACES, " ").trim();
}
