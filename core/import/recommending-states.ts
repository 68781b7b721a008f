/**
 * Recommending States: recognizing them at the end of a UPR recommendation's text
 * ("… Cultural Rights (Maldives) (Portugal);") and writing each the same way whichever file
 * or cycle it comes from, so that counts by recommending State add up.
 */

/** The 193 Member States of the United Nations, by their UN short names. */
export const UN_MEMBER_STATES = [
  "Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina", "Armenia",
  "Australia", "Austria", "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium",
  "Belize", "Benin", "Bhutan", "Plurinational State of Bolivia", "Bosnia and Herzegovina", "Botswana", "Brazil",
  "Brunei Darussalam", "Bulgaria", "Burkina Faso", "Burundi", "Cabo Verde", "Cambodia", "Cameroon", "Canada",
  "Central African Republic", "Chad", "Chile", "China", "Colombia", "Comoros", "Congo", "Costa Rica",
  "Côte d'Ivoire", "Croatia", "Cuba", "Cyprus", "Czechia", "Democratic People's Republic of Korea",
  "Democratic Republic of the Congo", "Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt",
  "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France",
  "Gabon", "Gambia", "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau",
  "Guyana", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Islamic Republic of Iran", "Iraq",
  "Ireland", "Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kuwait",
  "Kyrgyzstan", "Lao People's Democratic Republic", "Latvia", "Lebanon", "Lesotho", "Liberia", "Libya",
  "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi", "Malaysia", "Maldives", "Mali", "Malta",
  "Marshall Islands", "Mauritania", "Mauritius", "Mexico", "Federated States of Micronesia", "Monaco", "Mongolia",
  "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal", "Kingdom of the Netherlands",
  "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Macedonia", "Norway", "Oman", "Pakistan", "Palau",
  "Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
  "Republic of Korea", "Republic of Moldova", "Romania", "Russian Federation", "Rwanda", "Saint Kitts and Nevis",
  "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa", "San Marino", "Sao Tome and Principe",
  "Saudi Arabia", "Senegal", "Serbia", "Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia",
  "Solomon Islands", "Somalia", "South Africa", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden",
  "Switzerland", "Syrian Arab Republic", "Tajikistan", "Thailand", "Timor-Leste", "Togo", "Tonga",
  "Trinidad and Tobago", "Tunisia", "Türkiye", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine",
  "United Arab Emirates", "United Kingdom of Great Britain and Northern Ireland", "United Republic of Tanzania",
  "United States of America", "Uruguay", "Uzbekistan", "Vanuatu", "Bolivarian Republic of Venezuela", "Viet Nam",
  "Yemen", "Zambia", "Zimbabwe",
] as const;

/** Non-member observer States, which also make recommendations. */
export const OBSERVER_STATES = ["Holy See", "State of Palestine"] as const;

/**
 * Names earlier cycles used. They are kept as written (a recommendation made by "Turkey" in
 * 2014 was made under that name) but recognized as States.
 */
const FORMER_NAMES = [
  "Turkey",
  "Czech Republic",
  "Swaziland",
  "Cape Verde",
  "The former Yugoslav Republic of Macedonia",
  "former Yugoslav Republic of Macedonia",
  "Netherlands",
  "United Kingdom",
  "United States",
  "Republic of the Congo",
  "Palestine",
];

const KNOWN = new Set([...UN_MEMBER_STATES, ...OBSERVER_STATES, ...FORMER_NAMES].map(comparable));

function comparable(name: string): string {
  return name
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * One State written one way: typographic apostrophes made straight, and the UN's inverted
 * form turned around ("Venezuela (Bolivarian Republic of)" → "Bolivarian Republic of
 * Venezuela", "Netherlands (Kingdom of the)" → "Kingdom of the Netherlands"), which is how
 * the UPR Working Group reports write them since cycle 3.
 */
export function canonicalStateName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[;,.]+$/, "")
    .trim();
  const inverted = /^(.+?)\s*\(\s*((?:[^()]*?\s)?(?:of|of the))\s*\)$/i.exec(cleaned);
  if (inverted) return `${inverted[2]!.trim()} ${inverted[1]!.trim()}`;
  return cleaned;
}

export function isKnownState(name: string): boolean {
  return KNOWN.has(comparable(canonicalStateName(name)));
}

/** A name that could be a State we do not know (a new name): capitalized words, no digits, no acronym. */
function looksLikeStateName(name: string): boolean {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 80 || /\d/.test(trimmed)) return false;
  if (!/^\p{Lu}/u.test(trimmed)) return false;
  if (/^[\p{Lu}\s-]+$/u.test(trimmed) && !/\s/.test(trimmed)) return false; // an acronym such as ICRMW
  return trimmed.split(/\s+/).length <= 10;
}

/** Splits on commas outside parentheses: "Senegal, Venezuela (Bolivarian Republic of),Peru". */
function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of inner) {
    if (char === "(") depth += 1;
    if (char === ")") depth = Math.max(0, depth - 1);
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** The parenthesized group that ends `text` (nested parentheses allowed), if it ends with one. */
function lastGroup(text: string): { start: number; inner: string } | undefined {
  if (!text.endsWith(")")) return undefined;
  let depth = 0;
  for (let index = text.length - 1; index >= 0; index -= 1) {
    const char = text[index];
    if (char === ")") depth += 1;
    if (char === "(") {
      depth -= 1;
      if (depth === 0) return { start: index, inner: text.slice(index + 1, -1) };
    }
  }
  return undefined;
}

export interface StatesSplit {
  /** The recommendation without the trailing States and the closing `;` or `.`. */
  text: string;
  states: string[];
}

/**
 * Separates a UPR recommendation from the States that made it. The States are the
 * parenthesized groups at the very end (`(Maldives) (Portugal)` in cycles 3–4, `(Spain,
 * Tunisia, Portugal)` in cycle 2); the last group is always taken, earlier groups only when
 * every name in them is a known State, so "… Their Families (ICRMW) (Iran (Islamic Republic
 * of))" keeps "(ICRMW)" in the text. Where OHCHR merged several States' recommendations into
 * one paragraph ("… (Ukraine); Increase efforts … (Slovakia);"), the States closing the inner
 * parts are collected too, and their text is left as it is.
 *
 * `expected` (the UHRI "UPR Reccomending States" column) lets a group of those names be
 * taken even when the text alone would not say so.
 */
export function splitRecommendingStates(original: string, expected: readonly string[] = []): StatesSplit {
  const expectedSet = new Set(expected.map((name) => comparable(canonicalStateName(name))));
  const isState = (name: string) => isKnownState(name) || expectedSet.has(comparable(canonicalStateName(name)));

  let text = original.trim().replace(/[\s;.,]+$/, "");
  const trailing: string[][] = [];
  for (;;) {
    const group = lastGroup(text);
    if (!group) break;
    const names = splitTopLevel(group.inner);
    const accepted = trailing.length === 0 ? names.length > 0 && names.every((name) => isState(name) || looksLikeStateName(name)) : names.length > 0 && names.every(isState);
    if (!accepted) break;
    trailing.unshift(names);
    text = text.slice(0, group.start).replace(/[\s;,]+$/, "");
  }

  const inner: string[] = [];
  const innerGroup = /\(((?:[^()]|\([^()]*\))*)\)\s*;/g;
  for (const match of text.matchAll(innerGroup)) {
    const names = splitTopLevel(match[1]!);
    if (names.length > 0 && names.every(isState)) inner.push(...names);
  }

  const states: string[] = [];
  for (const name of [...inner, ...trailing.flat()].map(canonicalStateName)) {
    if (!states.some((known) => comparable(known) === comparable(name))) states.push(name);
  }
  return { text: trailing.length ? text : original.trim().replace(/[\s;]+$/, ""), states };
}
