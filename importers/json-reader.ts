/**
 * Reads the Universal Human Rights Index's JSON export into a table, as its Excel export reads:
 * one row per annotation, its keys (AnnotationId, Body, Symbol, Text, Themes, UprPositions…) as
 * the column names, a list of values as one value per line each starting with "- " (the Excel
 * export's multi-value cells), numbers and booleans as they are. The file is an array of
 * annotations, or an object holding one (`value`, `data`, `results`, `annotations`).
 */
import { ValidationError } from "../core/errors";
import type { Cell, Table } from "../core/import";
import { decodeTextNamed } from "./csv-reader";
import type { ImportLimits } from "./limits";

function refuse(message: string, detail: string): ValidationError {
  return new ValidationError(message, [{ path: "file", message: detail }]);
}

/** Whether a text file's first character opens JSON (`[` or `{`): a CSV never starts so. */
export function looksLikeJson(bytes: Uint8Array): boolean {
  const text = decodeTextNamed(bytes.subarray(0, 4096)).text;
  return /^[\s\uFEFF]*[[{]/.test(text);
}

const WRAPPERS = ["value", "data", "results", "annotations", "items"];

function annotationsOf(parsed: unknown): unknown[] {
  if (Array.isArray(parsed)) return parsed;
  if (parsed && typeof parsed === "object") {
    for (const key of WRAPPERS) {
      const inner = (parsed as Record<string, unknown>)[key];
      if (Array.isArray(inner)) return inner;
    }
  }
  throw refuse("This JSON file is not a UHRI export: it holds no list of annotations (an array of objects with Text, Symbol, Body…).", "no list of annotations");
}

/** A value as a cell: a list as "- " lines, an object by its name or label, nothing as empty. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => cellOf(item)).filter((item): item is string | number | boolean => item !== null && item !== undefined && String(item).trim() !== "");
    return items.length === 0 ? null : items.map((item) => `- ${String(item)}`).join("\n");
  }
  if (typeof value === "object") {
    const named = value as Record<string, unknown>;
    for (const key of ["Name", "name", "Label", "label", "Title", "title", "Value", "value"]) {
      if (typeof named[key] === "string" || typeof named[key] === "number") return named[key] as string | number;
    }
  }
  return JSON.stringify(value);
}

export function readJsonTable(bytes: Uint8Array, limits: ImportLimits): Table {
  const { text } = decodeTextNamed(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const where = error instanceof Error ? error.message.replace(/^.*JSON[^:]*:\s*/, "") : "";
    throw refuse(`This JSON file cannot be read${where ? ` (${where})` : ""}. Export it again from the Universal Human Rights Index.`, "not valid JSON");
  }
  const annotations = annotationsOf(parsed);
  if (annotations.length > limits.maxRows) {
    throw refuse(`The file has ${annotations.length.toLocaleString("en")} annotations; an import takes at most ${limits.maxRows.toLocaleString("en")}. Split the export.`, "too many rows");
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  annotations.forEach((annotation, index) => {
    if (!annotation || typeof annotation !== "object" || Array.isArray(annotation)) {
      throw refuse(`Annotation ${index + 1} of this JSON file is not an object with the export's keys (Text, Symbol, Body…).`, "not an annotation");
    }
    for (const key of Object.keys(annotation)) {
      if (!seen.has(key)) {
        seen.add(key);
        headers.push(key);
      }
    }
  });
  // Row numbers count from 1 for the first annotation, as a reader of the file counts them.
  const rows = annotations.map((annotation, index) => ({ row: index + 1, values: headers.map((key) => cellOf((annotation as Record<string, unknown>)[key])) }));
  return { headers, rows };
}
