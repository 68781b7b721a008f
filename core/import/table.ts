/** A cell as a spreadsheet or CSV reader hands it over. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A sheet or CSV file: its header row and its data rows, each with its row number in the file. */
export interface Table {
  headers: string[];
  rows: { row: number; values: Cell[] }[];
}

/** A header name compared loosely: case, spacing and surrounding punctuation do not matter. */
export function columnKey(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\u00A0_]+/g, " ")
    .replace(/^[\s"'*]+|[\s"':*]+$/g, "")
    .trim();
}

/** The text of a cell: numbers written plainly, dates as YYYY-MM-DD, nothing for empty. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Finds columns by any of their accepted names; returns the index of each found one. */
export function locateColumns<Name extends string>(headers: readonly string[], names: Record<Name, readonly string[]>): Partial<Record<Name, number>> {
  const keys = headers.map(columnKey);
  const found: Partial<Record<Name, number>> = {};
  for (const [name, accepted] of Object.entries(names) as [Name, readonly string[]][]) {
    const index = keys.findIndex((key) => accepted.some((candidate) => columnKey(candidate) === key));
    if (index >= 0) found[name] = index;
  }
  return found;
}

export function describeHeaders(headers: readonly string[]): string {
  const named = headers.map((h) => h.trim()).filter(Boolean);
  return named.length ? named.map((h) => `"${h.slice(0, 60)}"`).join(", ") : "no column names";
}
