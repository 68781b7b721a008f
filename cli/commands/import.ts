import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Actor } from "../../core/auth/policy";
import { isDomainError, ValidationError } from "../../core/errors";
import { IMPORT_FORMAT_NAMES, IMPORT_FORMATS, parseMapArgument, type ImportFormat, type ImportPreview, type PreviewRow } from "../../core/import";
import { createInMemoryRepositories } from "../../core/in-memory/in-memory-repositories";
import { systemClock } from "../../core/ports/clock";
import { mechanismSchema } from "../../core/records/taxonomy";
import { commitImport, previewImport, type ImportCommitResult } from "../../core/import/import-recommendations";
import { DEFAULT_IMPORT_LIMITS, readImportFile } from "../../importers";
import { type Command, parseCommandArgs, USAGE_EXIT_CODE, usageProblem } from "../command";
import { openStore, StoreNotConfiguredError, type OpenedStore } from "../store";

const USAGE = `nmirf import <file> [--format ohchr-docx|uhri-xlsx|uhri-csv|uhri-json|csv] [--mechanism UPR]
                    [--symbol A/HRC/59/15] [--session 48]
                    [--map text=Recommendation,documentSymbol=Symbol,...] [--mapping mapping.json]
                    [--list-separator ";"] [--dry-run] [--json]

Imports recommendations from an OHCHR thematic list (.docx), a UHRI export (.xlsx or .csv) or
any CSV with a column mapping. Prints the preview: every row new, changed, unchanged, a
duplicate within the file, or invalid (with the reason and its row number). Without --dry-run
it then writes the new and changed recommendations to the mechanism's lists, keeping what the
secretariat added (ministries, status, history). --json prints one JSON object instead.

  --format       the file's format, when you want it checked (the content decides otherwise)
  --mechanism    the mechanism of rows that do not say (UHRI exports of one body, CSVs)
  --symbol       the Working Group report's symbol, when a thematic list gives no "Source of position"
  --session      the UPR session, when a thematic list's page header does not say
  --map          a column mapping for a generic CSV: productField=Column name, comma-separated
  --mapping      the same as a JSON file ({"columns": {...}, "listSeparator": ";", "defaults": {...}})
  --dry-run      preview only: nothing is written

Exit codes: 0 done (invalid rows are listed, not an error), 1 the file or the store was refused
or some rows could not be written, 2 wrong usage.`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface ImportCliDeps {
  openStore?: () => Promise<OpenedStore>;
}

const consoleIo: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** The person a dry run without a store acts as: previewing is the secretariat's, and nothing is written. */
const DRY_RUN_ACTOR: Actor = { userId: "cli", displayName: "nmirf command line", roles: ["Secretariat"], ministryIds: [] };

const LISTED = 20;

function place(row: Pick<PreviewRow, "row" | "table" | "ref">): string {
  return `${row.table !== undefined ? `table ${row.table}, ` : ""}row ${row.row}${row.ref ? ` (${row.ref})` : ""}`;
}

function listed<T>(items: T[], line: (item: T) => string, io: CliIo): void {
  for (const item of items.slice(0, LISTED)) io.out(`  ${line(item)}`);
  if (items.length > LISTED) io.out(`  … and ${items.length - LISTED} more (--json lists them all)`);
}

function summaryJson(preview: ImportPreview, extra: Record<string, unknown>) {
  return {
    file: preview.fileName,
    format: preview.format,
    ...(preview.layout ? { layout: preview.layout } : {}),
    source: preview.source,
    ...extra,
    total: preview.total,
    new: preview.new,
    changed: preview.changed,
    unchanged: preview.unchanged,
    duplicates: preview.duplicates,
    invalid: preview.invalid,
    position: preview.position,
    clusters: preview.clusters,
    invalidRows: preview.rows
      .filter((row) => row.outcome === "invalid")
      .map((row) => ({ row: row.row, ...(row.table !== undefined ? { table: row.table } : {}), ...(row.ref ? { ref: row.ref } : {}), reasons: row.reasons ?? [] })),
    changedRows: preview.rows
      .filter((row) => row.outcome === "changed")
      .map((row) => ({
        row: row.row,
        ref: row.ref,
        key: row.key,
        fields: (row.changes ?? []).map((change) => change.field),
        changes: (row.changes ?? []).map((change) => ({ field: change.field, from: change.from, to: change.to })),
      })),
    duplicateRows: preview.rows.filter((row) => row.outcome === "duplicate").map((row) => ({ row: row.row, ref: row.ref, duplicateOf: row.duplicateOf })),
    warnings: preview.warnings,
    /** Each row with something read with doubt or left out, and what. */
    rowWarnings: preview.rows.filter((row) => row.warnings?.length).map((row) => ({ row: row.row, ...(row.ref ? { ref: row.ref } : {}), warnings: row.warnings! })),
    /** Every row read, in the file's order, with what the import does with it: for a script to follow one row. */
    rows: preview.rows.map((row) => ({
      row: row.row,
      ...(row.table !== undefined ? { table: row.table } : {}),
      ...(row.ref ? { ref: row.ref } : {}),
      ...(row.key ? { key: row.key } : {}),
      outcome: row.outcome,
      ...(row.existingId ? { existingId: row.existingId } : {}),
    })),
  };
}

function printPreview(preview: ImportPreview, io: CliIo, formatName: string): void {
  const { source } = preview;
  const review = [source.country, source.cycle !== undefined ? `UPR cycle ${source.cycle}` : undefined, source.session !== undefined ? `session ${source.session}` : undefined].filter(Boolean).join(", ");
  io.out(`${preview.fileName ?? "file"}: ${formatName}${preview.layout ? `, ${preview.layout.replace("-", " ")} layout` : ""}${review ? ` — ${review}` : ""}`);
  io.out("");
  io.out(`${preview.total} recommendations read: ${preview.new} new, ${preview.changed} changed, ${preview.unchanged} unchanged, ${preview.duplicates} duplicates, ${preview.invalid} invalid`);
  const { position } = preview;
  io.out(`Positions: ${position.supported} supported, ${position["supported-in-part"]} supported in part, ${position.noted} noted${position.none ? `, ${position.none} without a position` : ""}`);
  io.out(`Clusters: ${preview.clusters}`);
  const changed = preview.rows.filter((row) => row.outcome === "changed");
  if (changed.length) {
    io.out("\nChanged:");
    listed(changed, (row) => `${place(row)}: ${(row.changes ?? []).map((change) => `${change.field} ${shown(change.from)} → ${shown(change.to)}`).join("; ")}`, io);
  }
  const duplicates = preview.rows.filter((row) => row.outcome === "duplicate");
  if (duplicates.length) {
    io.out("\nDuplicates within the file (the first one is imported):");
    listed(duplicates, (row) => `${place(row)}: same recommendation as row ${row.duplicateOf}${row.differsFromFirst?.length ? `, but differs in ${row.differsFromFirst.join(", ")}` : ""}`, io);
  }
  const invalid = preview.rows.filter((row) => row.outcome === "invalid");
  if (invalid.length) {
    io.out("\nInvalid (not imported):");
    listed(invalid, (row) => `${place(row)}: ${(row.reasons ?? []).join("; ")}`, io);
  }
  const rowWarnings = preview.rows.filter((row) => row.warnings?.length);
  if (preview.warnings.length || rowWarnings.length) {
    io.out("\nWarnings:");
    for (const warning of preview.warnings) io.out(`  ${warning}`);
    listed(rowWarnings, (row) => `${place(row)}: ${row.warnings!.join("; ")}`, io);
  }
}

/** A field's value in one line, long texts cut. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === "") return "(none)";
  const text = Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : JSON.stringify(value);
  const line = text.replace(/\s+/g, " ");
  return `"${line.length > 60 ? `${line.slice(0, 57)}…` : line}"`;
}

function printCommit(result: ImportCommitResult, io: CliIo, where: string): void {
  io.out("");
  io.out(`Written to ${where}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged; ${result.auditEntries} audit entries.`);
  const failed = result.rows.filter((row) => row.outcome === "failed");
  if (failed.length) {
    io.out(`${failed.length} could not be written:`);
    listed(failed, (row) => `${place(row)}: ${(row.reasons ?? []).join("; ")}`, io);
  }
  for (const warning of result.warnings) io.out(warning);
}

async function readMapping(options: { map?: string; mapping?: string; "list-separator"?: string }): Promise<unknown> {
  if (options.map === undefined && options.mapping === undefined && options["list-separator"] === undefined) return undefined;
  let fromFile: Record<string, unknown> = {};
  if (options.mapping !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(options.mapping, "utf8"));
    } catch (error) {
      throw new ValidationError(`The mapping file ${options.mapping} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`, [{ path: "mapping", message: "not JSON" }]);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new ValidationError(`The mapping file ${options.mapping} must hold a JSON object.`, [{ path: "mapping", message: "not an object" }]);
    fromFile = "columns" in parsed ? (parsed as Record<string, unknown>) : { columns: parsed };
  }
  const columns = { ...(fromFile.columns as Record<string, unknown> | undefined), ...(options.map !== undefined ? parseMapArgument(options.map) : {}) };
  return { ...fromFile, columns, ...(options["list-separator"] !== undefined ? { listSeparator: options["list-separator"] } : {}) };
}

/** `nmirf import`, with its output and its store given (tests give their own). Returns the exit code. */
export async function runImport(args: string[], io: CliIo = consoleIo, deps: ImportCliDeps = {}): Promise<number> {
  const parsedArgs = parseCommandArgs(
    args,
    {
      format: { type: "string" },
      mechanism: { type: "string" },
      symbol: { type: "string" },
      session: { type: "string" },
      map: { type: "string" },
      mapping: { type: "string" },
      "list-separator": { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
    },
    USAGE,
    { allowPositionals: true, write: (text) => io.err(text) },
  );
  if (!parsedArgs) return USAGE_EXIT_CODE;
  const { values: options, positionals } = parsedArgs;
  if (positionals.length !== 1) {
    return usageProblem("Give one file to import.", USAGE, (text) => io.err(text));
  }
  const format = options.format as ImportFormat | undefined;
  if (format !== undefined && !IMPORT_FORMATS.includes(format)) {
    io.err(`--format must be one of ${IMPORT_FORMATS.join(", ")}.`);
    return 2;
  }
  const mechanism = options.mechanism !== undefined ? mechanismSchema.safeParse(options.mechanism.toUpperCase()) : undefined;
  if (mechanism && !mechanism.success) {
    io.err(`--mechanism must be one of ${mechanismSchema.options.join(", ")}.`);
    return 2;
  }
  const session = options.session !== undefined ? Number(options.session) : undefined;
  if (session !== undefined && (!Number.isInteger(session) || session < 1 || session > 200)) {
    io.err("--session must be a UPR session number such as 48.");
    return 2;
  }

  const file = positionals[0]!;
  const json = options.json === true;
  const dryRun = options["dry-run"] === true;
  /** `written`: false, or "partly" when a commit stopped part way. */
  const fail = (message: string, code = "error", written: false | "partly" = false) => {
    if (json) io.out(JSON.stringify({ file: path.basename(file), error: { code, message }, written }));
    else io.err(message);
    return 1;
  };


  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail(`${file} is not a file.`, "validation");
    if (info.size > DEFAULT_IMPORT_LIMITS.maxFileBytes) {
      return fail(`${file} is ${Math.round(info.size / (1024 * 1024))} MB; an import accepts files up to ${DEFAULT_IMPORT_LIMITS.maxFileBytes / (1024 * 1024)} MB.`, "validation");
    }
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    return fail(`${file} cannot be read: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : error instanceof Error ? error.message : String(error)}`, "validation");
  }

  let store: OpenedStore | undefined;
  let committing = false;
  try {
    const parsed = await readImportFile(bytes, {
      fileName: file,
      format,
      mechanism: mechanism?.data,
      documentSymbol: options.symbol,
      session,
      mapping: await readMapping(options),
    });

    let noStore = false;
    try {
      store = await (deps.openStore ?? openStore)();
    } catch (error) {
      if (!(error instanceof StoreNotConfiguredError)) throw error;
      if (!dryRun) return fail(`${error.message} Nothing was written. Run with --dry-run to preview the import.`, error.code);
      noStore = true;
    }
    const repos = store?.repositories ?? createInMemoryRepositories();
    const actor = store?.actor ?? DRY_RUN_ACTOR;
    const where = store?.description ?? "the mechanism's lists";
    const preview = await previewImport({ repos }, actor, parsed);

    if (dryRun) {
      const note = noStore ? "No store is configured yet, so the file was compared against an empty list." : `Compared against ${where}.`;
      if (json) io.out(JSON.stringify(summaryJson(preview, { dryRun: true, store: noStore ? null : where, written: false })));
      else {
        printPreview(preview, io, IMPORT_FORMAT_NAMES[preview.format]);
        io.out(`\nDry run: nothing was written. ${note}`);
      }
      return 0;
    }

    committing = true;
    const result = await commitImport({ repos, clock: store!.clock ?? systemClock }, actor, parsed);
    if (json) {
      io.out(
        JSON.stringify(
          summaryJson(preview, {
            dryRun: false,
            store: where,
            written: true,
            committed: {
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
              failed: result.failed,
              auditEntries: result.auditEntries,
              failedRows: result.rows.filter((row) => row.outcome === "failed").map((row) => ({ row: row.row, ref: row.ref, code: row.code, reasons: row.reasons })),
              warnings: result.warnings,
            },
          }),
        ),
      );
    } else {
      printPreview(preview, io, IMPORT_FORMAT_NAMES[preview.format]);
      printCommit(result, io, where);
    }
    return result.failed > 0 ? 1 : 0;
  } catch (error) {
    const stopped = " The import stopped part way: run it again to complete it (what was written shows as unchanged, nothing is duplicated).";
    if (committing) return fail(`${error instanceof Error ? error.message : String(error)}${stopped}`, isDomainError(error) ? error.code : "error", "partly");
    if (isDomainError(error)) return fail(`${error.message}${dryRun ? "" : " Nothing was written."}`, error.code);
    throw error;
  } finally {
    await store?.close();
  }
}

/** `nmirf import`: preview (and without --dry-run, write) recommendations from a file. */
export const importCommand: Command = {
  name: "import",
  summary: "import recommendations from an OHCHR thematic list (.docx), a UHRI export (.xlsx/.csv) or a mapped CSV",
  usage: USAGE,
  run: (args) => runImport(args),
};
