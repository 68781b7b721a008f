/**
 * A row a person (or a flow) left in a state the record's schema refuses: a wrong choice, an
 * emptied required column, text in a number column, a note typed into a column the app keeps.
 * Reading a list keeps such a row out of the results and reports it with its problems, so that
 * one bad row never takes a whole list down; the secretariat fixes it (data-quality use cases).
 * Nothing about it is stored: a row that becomes valid again is simply served again.
 */
import type { z } from "zod";
import { DomainError } from "../errors";

/** What is wrong with a column's value, as a code the edges put in words. */
export const ROW_PROBLEM_KINDS = ["required", "not_a_choice", "not_a_number", "not_a_date", "too_long", "not_valid", "missing_target"] as const;
export type RowProblemKind = (typeof ROW_PROBLEM_KINDS)[number];

export interface RowProblem {
  /** The record's field (the key a fix is sent with). */
  field: string;
  /** The column as a person sees it in SharePoint (its display name). */
  column: string;
  kind: RowProblemKind;
  /** In words (English; the tab words it from `kind` in the person's language). */
  message: string;
  /** What the column holds, as read (absent when it is empty). */
  value?: unknown;
  /** For a value that is not one of the choices: the codes one may pick instead (a fix form offers them in words). */
  choices?: string[];
}

export interface RowNeedingAttention {
  /** The kind of record the list keeps (`recommendations`, `ministries`…). */
  kind: string;
  /** The list's title on the site. */
  list: string;
  id: string;
  /** The row's eTag, for a fix (absent when the store gave none). */
  eTag?: string;
  /** How a person recognises the row: its Title, else its key. */
  title?: string;
  /** The item in SharePoint (Microsoft Lists), when the store gives it. */
  webUrl?: string;
  problems: RowProblem[];
  /** The row's values by record field, as read, to fill a form that fixes it. */
  fields: Record<string, unknown>;
}

/** A record that is there but cannot be used until someone fixes it; not the caller's fault. */
export class NeedsAttentionError extends DomainError {
  readonly code = "needs_attention" as const;
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly row: RowNeedingAttention,
  ) {
    super(`${entity} ${id} in the ${row.list} list needs attention before it can be used: ${row.problems.map((p) => `${p.column}: ${p.message}`).join("; ")}`);
    this.name = "NeedsAttentionError";
  }
}

/** "Lead ministry" for `leadMinistryId`: how a field reads when no display name is known. */
export function humanizeField(field: string): string {
  const words = field
    .replace(/Ids?$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as it may be quoted in a message: short, on one line. */
export function quoteValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const line = (text ?? String(value)).replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

interface Describe {
  /** The column's display name for a field. */
  columnOf(field: string): string;
  /** What the row holds for a field, as the store gave it. */
  valueOf(field: string): unknown;
  /** The values a person may pick in a choice column, as the store shows them (its words, not core's codes). */
  choicesOf?(field: string): readonly string[] | undefined;
}

type Issue = z.core.$ZodIssue;

function problemOf(issue: Issue, field: string, column: string, value: unknown, choicesShown?: readonly string[]): RowProblem {
  const shown = isEmpty(value) ? {} : { value };
  const quoted = isEmpty(value) ? "" : `'${quoteValue(value)}'`;
  const nested = issue.path.length > 1;
  if (isEmpty(value) && !nested && (issue.code === "invalid_type" || issue.code === "too_small" || issue.code === "invalid_value")) {
    return { field, column, kind: "required", message: "is empty; a value is required" };
  }
  if (issue.code === "invalid_value" && !nested) {
    const choices = (choicesShown ?? issue.values.map(String)).join(", ");
    return { field, column, kind: "not_a_choice", message: `${quoted} is not one of its choices (${choices})`, ...shown, choices: issue.values.map(String) };
  }
  if (issue.code === "invalid_type" && issue.expected === "number" && !nested) {
    return { field, column, kind: "not_a_number", message: `${quoted} is not a number`, ...shown };
  }
  if (issue.code === "too_big" && issue.origin === "string" && !nested) {
    return { field, column, kind: "too_long", message: `is longer than the ${String(issue.maximum)} characters it may hold`, ...shown };
  }
  if ((issue.code === "invalid_format" || issue.code === "custom") && /date/i.test(`${issue.message} ${issue.code === "invalid_format" ? issue.format : ""}`) && !nested) {
    return { field, column, kind: "not_a_date", message: `${quoted} is not a date`, ...shown };
  }
  if (nested) {
    return { field, column, kind: "not_valid", message: `${quoted} is not what the app keeps in this column (${issue.path.slice(1).join(".")}: ${issue.message})`, ...shown };
  }
  return { field, column, kind: "not_valid", message: `${quoted || "the value"} is not valid: ${issue.message}`, ...shown };
}

/** One problem per column, in words, from the issues a schema found in a row. */
export function rowProblems(error: z.ZodError, describe: Describe): RowProblem[] {
  const problems = new Map<string, RowProblem>();
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "";
    if (problems.has(field)) continue;
    const column = field ? describe.columnOf(field) : "(row)";
    problems.set(field, problemOf(issue, field, column, field ? describe.valueOf(field) : undefined, field ? describe.choicesOf?.(field) : undefined));
  }
  return [...problems.values()];
}
