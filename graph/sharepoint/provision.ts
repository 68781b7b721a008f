/**
 * Provisioning of the mechanism's site from the schema: creates the lists and libraries that
 * are missing, adds missing columns and indexes, and reports a column whose definition differs.
 * It never drops or rewrites data: running it twice changes nothing the second time.
 */
import type { GraphClient } from "../client/graph-client";
import { translate } from "../client/errors";
import { SITE_SCHEMA, type ColumnSpec, type ListSpec } from "./schema";
import { loadSiteLists } from "./site";

export interface ProvisionReport {
  createdLists: string[];
  createdColumns: string[];
  indexedColumns: string[];
  /** Choices added to an existing choice column (new statuses, mechanisms...). */
  extendedChoices: string[];
  /** Columns whose definition differs from the schema: reported, never changed. */
  differences: string[];
}

interface ExistingColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: { allowMultipleLines?: boolean };
  choice?: { choices?: string[]; displayAs?: string; allowTextEntry?: boolean };
  lookup?: { listId?: string; allowMultipleValues?: boolean };
  [facet: string]: unknown;
}

/** The columnDefinition Graph takes for a column of the schema (graph-contract.md 3.6). */
export function columnDefinition(column: ColumnSpec, listIds: Map<string, string>): Record<string, unknown> {
  const base = { name: column.name, displayName: column.displayName, indexed: column.indexed, enforceUniqueValues: column.unique };
  const kind = column.kind;
  switch (kind.type) {
    case "text":
    case "date":
      return { ...base, text: { maxLength: 255 } };
    case "note":
    case "json":
      return { ...base, text: { allowMultipleLines: true, textType: "plain", linesForEditing: 6 } };
    case "dateTime":
      return { ...base, dateTime: { format: "dateTime", displayAs: "standard" } };
    case "number":
      return { ...base, number: { decimalPlaces: "automatic" } };
    case "boolean":
      return { ...base, boolean: {} };
    case "choice":
      return { ...base, choice: { choices: [...kind.choices], allowTextEntry: false, displayAs: "dropDownMenu" } };
    case "multiChoice":
      return { ...base, choice: { choices: [...(kind.choices ?? [])], allowTextEntry: !kind.choices, displayAs: "checkBoxes" } };
    case "lookup":
    case "multiLookup": {
      const listId = listIds.get(kind.list);
      if (!listId) throw new Error(`the ${kind.list} list must exist before a lookup to it`);
      return { ...base, lookup: { listId, columnName: "Title", allowMultipleValues: kind.type === "multiLookup" } };
    }
  }
}

const FACET_OF: Record<ColumnSpec["kind"]["type"], string> = {
  text: "text",
  date: "text",
  note: "text",
  json: "text",
  dateTime: "dateTime",
  number: "number",
  boolean: "boolean",
  choice: "choice",
  multiChoice: "choice",
  lookup: "lookup",
  multiLookup: "lookup",
};

/** How an existing column differs from its definition in the schema, in words; undefined when it matches. */
export function differenceOf(column: ColumnSpec, existing: ExistingColumn, listIds: Map<string, string>): string | undefined {
  const facet = FACET_OF[column.kind.type];
  if (existing[facet] === undefined) {
    const actual = ["text", "number", "dateTime", "boolean", "choice", "lookup", "personOrGroup", "currency"].find((f) => existing[f] !== undefined) ?? "an unknown type";
    return `is ${actual}, the schema says ${facet}`;
  }
  const multiLine = column.kind.type === "note" || column.kind.type === "json";
  if (facet === "text" && Boolean(existing.text?.allowMultipleLines) !== multiLine) {
    return multiLine ? "is a single line of text, the schema says multiple lines" : "has multiple lines, the schema says a single line";
  }
  const multiple = column.kind.type === "multiChoice" || column.kind.type === "multiLookup";
  if (facet === "choice" && (existing.choice?.displayAs === "checkBoxes") !== multiple) return multiple ? "takes one choice, the schema says several" : "takes several choices, the schema says one";
  if (facet === "lookup") {
    if (Boolean(existing.lookup?.allowMultipleValues) !== multiple) return multiple ? "takes one item, the schema says several" : "takes several items, the schema says one";
    const kind = column.kind as { list: string };
    if (existing.lookup?.listId && existing.lookup.listId !== listIds.get(kind.list)) return `looks up another list than ${kind.list}`;
  }
  if (column.unique && !existing.enforceUniqueValues) return "does not enforce unique values (duplicates are possible)";
  return undefined;
}

export async function provisionSite(client: GraphClient, siteId: string, schema: ListSpec[] = SITE_SCHEMA): Promise<ProvisionReport> {
  const report: ProvisionReport = { createdLists: [], createdColumns: [], indexedColumns: [], extendedChoices: [], differences: [] };
  const isLookup = (c: ColumnSpec) => c.kind.type === "lookup" || c.kind.type === "multiLookup";

  try {
    let site = await loadSiteLists(client, siteId);
    for (const list of schema.filter((l) => !site.lists.has(l.title))) {
      // Lookups are added once every list exists (lists look each other up).
      const columns = list.columns.filter((c) => !isLookup(c)).map((c) => columnDefinition(c, new Map()));
      await client.api(`/sites/${siteId}/lists`).post({ displayName: list.title, description: list.description, list: { template: list.template }, columns });
      report.createdLists.push(list.title);
    }
    if (report.createdLists.length) site = await loadSiteLists(client, siteId);
    const listIds = new Map([...site.lists.entries()].map(([title, entry]) => [title, entry.id]));

    for (const list of schema) {
      const listId = listIds.get(list.title)!;
      const existing = new Map<string, ExistingColumn>();
      for await (const page of client.pages<ExistingColumn>(`/sites/${siteId}/lists/${listId}/columns`)) {
        for (const column of page.value) existing.set(column.name, column);
      }
      for (const column of list.columns) {
        const where = `${list.title}.${column.name}`;
        const current = existing.get(column.name);
        if (!current) {
          await client.api(`/sites/${siteId}/lists/${listId}/columns`).post(columnDefinition(column, listIds));
          report.createdColumns.push(where);
          continue;
        }
        const difference = differenceOf(column, current, listIds);
        if (difference) {
          report.differences.push(`${where} ${difference}`);
          continue;
        }
        const changes: Record<string, unknown> = {};
        if (column.indexed && !current.indexed) {
          changes.indexed = true;
          report.indexedColumns.push(where);
        }
        const wanted = column.kind.type === "choice" || column.kind.type === "multiChoice" ? (column.kind.choices ?? []) : [];
        const missingChoices = wanted.filter((choice) => !(current.choice?.choices ?? []).includes(choice));
        if (missingChoices.length) {
          changes.choice = { ...current.choice, choices: [...(current.choice?.choices ?? []), ...missingChoices] };
          report.extendedChoices.push(`${where}: ${missingChoices.join(", ")}`);
        }
        if (Object.keys(changes).length) await client.api(`/sites/${siteId}/lists/${listId}/columns/${current.id}`).patch(changes);
      }
    }
  } catch (error) {
    return translate(error, { entity: "Site schema" });
  }
  return report;
}

export function describeProvisionReport(report: ProvisionReport): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push(`${title} (${items.length}):`, ...items.map((item) => `  ${item}`));
  };
  section("Created lists and libraries", report.createdLists);
  section("Added columns", report.createdColumns);
  section("Indexed columns", report.indexedColumns);
  section("Added choices", report.extendedChoices);
  section("Columns that differ from the schema (left as they are)", report.differences);
  return lines.length ? lines.join("\n") : "The site already matches the schema: nothing to do.";
}
