const FIRST_LETTER = /\p{L}/u;
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

/**
 * Whether a paragraph reads right to left: its first letter is of a right-to-left script
 * (Unicode's rule P2 for the paragraph's direction, simplified to letters).
 */
export function isRightToLeft(text: string): boolean {
  const first = FIRST_LETTER.exec(text);
  return first !== null && RIGHT_TO_LEFT.test(first[0]);
}

const STRONG_LETTER = /\p{L}/u;

/** A text's own direction, from its first letter; `undefined` when it has none (a number, a symbol, a date in digits). */
export function directionOf(text: string): "rtl" | "ltr" | undefined {
  const first = STRONG_LETTER.exec(text);
  if (!first) return undefined;
  return RIGHT_TO_LEFT.test(first[0]) ? "rtl" : "ltr";
}
