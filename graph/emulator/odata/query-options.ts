/**
 * Query strings as Graph reads them. The JS client sends `$filter=fields/Title eq 'x'` without
 * encoding it (graph-contract.md 0.7) and fetch percent-encodes what it must; values are decoded
 * like ASP.NET does (`+` is a space), so a client must percent-encode `+ & # %` inside values.
 * OData options are accepted with or without the `$` and in any letter case.
 */

export interface QueryString {
  /** Decoded values keyed by lower-case name, `$` removed (`filter`, `select`, `token`, …). */
  get(name: string): string | undefined;
  has(name: string): boolean;
  /** The raw `key=value` parts as received, to repeat them in nextLinks. */
  readonly rawParts: string[];
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

export function parseQueryString(raw: string): QueryString {
  const rawParts = raw === "" ? [] : raw.split("&").filter((part) => part !== "");
  const values = new Map<string, string>();
  for (const part of rawParts) {
    const eq = part.indexOf("=");
    const key = decode(eq === -1 ? part : part.slice(0, eq)).toLowerCase().replace(/^\$/, "");
    const value = eq === -1 ? "" : decode(part.slice(eq + 1));
    const previous = values.get(key);
    // Repeated $select/$expand/$orderby are comma-joined, as the JS client does (0.7).
    values.set(key, previous !== undefined && ["select", "expand", "orderby"].includes(key) ? `${previous},${value}` : value);
  }
  return {
    get: (name) => values.get(name),
    has: (name) => values.has(name),
    rawParts,
  };
}

/** The raw parts minus the named options (compared like `get` compares), plus extra parts. */
export function rebuildQuery(query: QueryString, without: string[], extra: string[]): string {
  const drop = new Set(without);
  const kept = query.rawParts.filter((part) => {
    const eq = part.indexOf("=");
    const key = decode(eq === -1 ? part : part.slice(0, eq)).toLowerCase().replace(/^\$/, "");
    return !drop.has(key);
  });
  return [...kept, ...extra].join("&");
}

/** Splits on commas (or another separator) that are not inside parentheses. */
export function splitTopLevel(text: string, separator = ","): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === separator && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

export function parseSelect(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return splitTopLevel(text).map((name) => name.trim());
}

export interface ExpandOption {
  name: string;
  select?: string[];
  expand?: ExpandOption[];
}

/** `fields($select=Title,Status)`, `fields(select=Title)`, `listItem($expand=fields)`, `driveItem`. */
export function parseExpand(text: string | undefined): ExpandOption[] {
  if (text === undefined) return [];
  return splitTopLevel(text).map((part) => {
    const open = part.indexOf("(");
    if (open === -1) return { name: part.trim() };
    if (!part.endsWith(")")) throw new Error(`Malformed $expand option '${part}'.`);
    const option: ExpandOption = { name: part.slice(0, open).trim() };
    for (const clause of splitTopLevel(part.slice(open + 1, -1), ";")) {
      const eq = clause.indexOf("=");
      if (eq === -1) throw new Error(`Malformed $expand option '${part}'.`);
      const key = clause.slice(0, eq).trim().toLowerCase().replace(/^\$/, "");
      const value = clause.slice(eq + 1);
      if (key === "select") option.select = parseSelect(value);
      else if (key === "expand") option.expand = parseExpand(value);
      else throw new Error(`The query option '${key}' is not supported inside $expand.`);
    }
    return option;
  });
}

export interface OrderKey {
  path: string[];
  direction: "asc" | "desc";
}

export function parseOrderBy(text: string | undefined): OrderKey[] {
  if (text === undefined) return [];
  return splitTopLevel(text).map((part) => {
    const [property = "", direction = "asc", ...extra] = part.split(/\s+/);
    const dir = direction.toLowerCase();
    if (extra.length > 0 || (dir !== "asc" && dir !== "desc") || property === "") {
      throw new Error(`Malformed $orderby clause '${part}'.`);
    }
    return { path: property.split("/"), direction: dir };
  });
}
