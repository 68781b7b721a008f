/**
 * Provisioning of the mechanism's site from the schema: creates the lists and libraries that
 * are missing, adds missing columns and indexes, and reports a column whose definition differs.
 * It upgrades a site made by an earlier version: a choice column that still offers core's codes
 * (`not-assessed`, a site provisioned before the words of choice-words.ts) gets the words, its
 * items' codes are rewritten as words (each with its eTag, so a person's edit made meanwhile is
 * not overwritten), and then the codes leave the column's choices. It never drops data: running
 * it twice changes nothing the second time.
 */
import type { GraphClient } from "../client/graph-client";
import { translate } from "../client/errors";
import { SITE_SCHEMA, fieldKeyOf, type ColumnSpec, type ListSpec } from "./schema";
import type { Vocabulary } from "./choice-words";
import { loadSiteLists } from "./site";

export interface ProvisionReport {
  createdLists: string[];
  createdColumns: string[];
  indexedColumns: string[];
  /** Choices added to an existing choice column (new statuses, mechanisms...). */
  extendedChoices: string[];
  /** Columns whose definition differs from the schema: reported, never changed. */
  differences: string[];
  /** Choice columns upgraded from codes to words, with how many items were rewritten. */
  upgradedChoices: string[];
  /** The app's own columns hidden from Microsoft Lists' views and forms. */
  hiddenColumns: string[];
}

/** What provisioning reads of a column; `hidden` must be selected, or hidden columns are not listed (graph-contract.md 3.5). */
const COLUMN_SELECT = "id,name,hidden,indexed,enforceUniqueValues,text,choice,lookup,number,dateTime,boolean,personOrGroup,currency";

interface ExistingColumn {
  id: string;
  name: string;
  hidden?: boolean;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  text?: { allowMultipleLines?: boolean };
  choice?: { choices?: string[]; displayAs?: string; allowTextEntry?: boolean };
  lookup?: { listId?: string; allowMultipleValues?: boolean };
  [facet: string]: unknown;
}

/** The columnDefinition Graph takes for a column of the schema (graph-contract.md 3.6). */
export function columnDefinition(column: ColumnSpec, listIds: Map<string, string>): Record<string, unknown> {
  const base = { name: column.name, displayName: column.displayName, indexed: column.indexed, enforceUniqueValues: column.unique, ...(column.hidden ? { hidden: true } : {}) };
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
  const report: ProvisionReport = { createdLists: [], createdColumns: [], indexedColumns: [], extendedChoices: [], differences: [], upgradedChoices: [], hiddenColumns: [] };
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
      for await (const page of client.pages<ExistingColumn>(`/sites/${siteId}/lists/${listId}/columns?$select=${COLUMN_SELECT}`)) {
        for (const column of page.value) existing.set(column.name, column);
      }
      const toUpgrade: { column: ColumnSpec; existing: ExistingColumn; codes: string[] }[] = [];
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
        if (column.hidden && !current.hidden) {
          changes.hidden = true;
          report.hiddenColumns.push(where);
        }
        const wanted = column.kind.type === "choice" || column.kind.type === "multiChoice" ? (column.kind.choices ?? []) : [];
        const offered = current.choice?.choices ?? [];
        const missingChoices = wanted.filter((choice) => !offered.includes(choice));
        const codes = column.kind.type === "choice" ? codesStillOffered(column.kind.words, offered) : [];
        if (missingChoices.length) {
          changes.choice = { ...current.choice, choices: [...offered, ...missingChoices] };
          // A column upgraded from codes to words is not "extended": its words replace its codes.
          if (!codes.length) report.extendedChoices.push(`${where}: ${missingChoices.join(", ")}`);
        }
        if (Object.keys(changes).length) await client.api(`/sites/${siteId}/lists/${listId}/columns/${current.id}`).patch(changes);
        if (codes.length) toUpgrade.push({ column, existing: { ...current, choice: { ...current.choice, choices: [...offered, ...missingChoices] } }, codes });
      }
      if (toUpgrade.length) await upgradeChoicesToWords(client, `/sites/${siteId}/lists/${listId}`, list, toUpgrade, report);
    }
  } catch (error) {
    return translate(error, { entity: "Site schema" });
  }
  return report;
}

/** The codes of a vocabulary that a column still offers as choices (a site provisioned before the words). */
function codesStillOffered(words: Vocabulary, offered: readonly string[]): string[] {
  const wordsOffered = new Set(Object.values(words));
  return offered.filter((choice) => Object.prototype.hasOwnProperty.call(words, choice) && !wordsOffered.has(choice));
}

/**
 * Rewrites the codes held by a list's choice columns as their words, item by item with the
 * item's eTag (a 412 means someone changed the item meanwhile: it is read again and redone),
 * then takes the codes out of the columns' choices.
 */
async function upgradeChoicesToWords(
  client: GraphClient,
  listPath: string,
  list: ListSpec,
  columns: { column: ColumnSpec; existing: ExistingColumn; codes: string[] }[],
  report: ProvisionReport,
): Promise<void> {
  const keys = columns.map(({ column }) => fieldKeyOf(column));
  const rewritten = new Map<string, number>(keys.map((key) => [key, 0]));
  const patchOf = (fields: Record<string, unknown>) => {
    const patch: Record<string, string> = {};
    for (const { column } of columns) {
      const key = fieldKeyOf(column);
      const value = fields[key];
      const words = (column.kind as { words: Vocabulary }).words;
      if (typeof value === "string" && Object.prototype.hasOwnProperty.call(words, value) && words[value] !== value) patch[key] = words[value]!;
    }
    return patch;
  };
  type Item = { id: string; eTag?: string; fields?: Record<string, unknown> };
  const select = `$expand=fields($select=${keys.join(",")})`;
  for await (const page of client.pages<Item>(`${listPath}/items?${select}&$top=500`)) {
    for (let item of page.value) {
      for (let attempt = 0; ; attempt++) {
        const patch = patchOf(item.fields ?? {});
        if (!Object.keys(patch).length) break;
        try {
          await client.api(`${listPath}/items/${item.id}/fields`).header("If-Match", item.eTag ?? "*").patch(patch);
          for (const key of Object.keys(patch)) rewritten.set(key, rewritten.get(key)! + 1);
          break;
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode !== 412 || attempt >= 3) throw error;
          item = (await client.api(`${listPath}/items/${item.id}?${select}`).get()) as Item;
        }
      }
    }
  }
  for (const { column, existing, codes } of columns) {
    const choices = (existing.choice?.choices ?? []).filter((choice) => !codes.includes(choice));
    await client.api(`${listPath}/columns/${existing.id}`).patch({ choice: { ...existing.choice, choices } });
    const count = rewritten.get(fieldKeyOf(column))!;
    report.upgradedChoices.push(`${list.title}.${column.name}: ${codes.length} codes replaced by words, ${count} item${count === 1 ? "" : "s"} rewritten`);
  }
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
  section("Choice columns upgraded from codes to words", report.upgradedChoices);
  section("The app's own columns hidden in Microsoft Lists", report.hiddenColumns);
  section("Columns that differ from the schema (left as they are)", report.differences);
  return lines.length ? lines.join("\n") : "The site already matches the schema: nothing to do.";
}
