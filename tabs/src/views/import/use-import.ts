/**
 * The import view's state, apart from its render: the file and what the person says of it
 * (format, mechanism, symbol, session), for a tracker of the secretariat's own the wizard's
 * mapping (columns → fields, values → positions, one row per State), the preview the server
 * answers, the changes unticked, the saved mapping, and the commit's result.
 */
import { useState } from "react";
import type { ImportSessionDto } from "../../../../core/api";
import type { MappableField } from "../../../../core/import/mapped-table";
import type { Mechanism } from "../../../../core/records/taxonomy";
import { useAction } from "../../api/use-resource";
import { useSession } from "../../shell/session";

export const FORMATS = ["ohchr-docx", "uhri-xlsx", "uhri-csv", "uhri-json", "csv"] as const;
export type Format = (typeof FORMATS)[number];
export type Outcome = "all" | "new" | "changed" | "unchanged" | "duplicate" | "invalid";

/** The fields a column can be mapped to, in the order the wizard offers them. */
export const FIELDS = [
  "text",
  "documentSymbol",
  "paragraph",
  "mechanism",
  "body",
  "session",
  "cycle",
  "recommendingStates",
  "position",
  "positionSource",
  "cluster",
  "themes",
  "affectedGroups",
  "sdgs",
  "publicationDate",
  "uhriAnnotationId",
] as const satisfies readonly MappableField[];
export type Field = (typeof FIELDS)[number];
export const POSITIONS = ["supported", "supported-in-part", "noted"] as const;
/** A value's translation: a position, "" (this row gives no position), or nothing chosen (read as the file says). */
export type Translation = (typeof POSITIONS)[number] | "";

type Table = NonNullable<ImportSessionDto["table"]>;

/** Per row (`{table}:{row}`): the row unticked whole (`"row"`), or the fields of a changed row unticked. */
export type Skipped = Record<string, "row" | string[]>;
export const rowKey = (row: { row: number; table?: number }) => `${row.table ?? 0}:${row.row}`;

export function useImport() {
  const { api } = useSession();
  const [file, setFile] = useState<File>();
  /** The file the table shown was read from (the person may have chosen another since). */
  const [read, setRead] = useState<File>();
  const [format, setFormat] = useState<Format>();
  const [mechanism, setMechanism] = useState<Mechanism>();
  const [symbol, setSymbol] = useState("");
  const [session, setSession] = useState("");
  const [preview, setPreview] = useState<ImportSessionDto>();
  const [table, setTable] = useState<Table>();
  const [columns, setColumns] = useState<Record<string, Field | undefined>>({});
  const [translations, setTranslations] = useState<Record<string, Translation | undefined>>({});
  const [oneRowPerState, setOneRowPerState] = useState(false);
  const [mappingName, setMappingName] = useState("");
  const [savedAs, setSavedAs] = useState<string>();
  const [skipped, setSkipped] = useState<Skipped>({});
  const [outcome, setOutcome] = useState<Outcome>("all");
  const [committed, setCommitted] = useState<{ created: number; updated: number; unchanged: number; invalid: number; failed: number; duplicates: number; skipped: number }>();

  /** The mapping as the wizard shows it: each column's field, the position column's translated values. */
  function mapping() {
    const mapped: Partial<Record<Field, string>> = {};
    for (const [column, field] of Object.entries(columns)) if (field) mapped[field] = column;
    const position = Object.fromEntries(Object.entries(translations).filter((entry): entry is [string, Translation] => entry[1] !== undefined));
    return {
      columns: mapped,
      ...(Object.keys(position).length && mapped.position ? { values: { position } } : {}),
      ...(oneRowPerState ? { oneRowPerState: true } : {}),
      ...(mechanism || symbol.trim() ? { defaults: { ...(mechanism ? { mechanism } : {}), ...(symbol.trim() ? { documentSymbol: symbol.trim() } : {}) } } : {}),
      ...(table?.sheet ? { sheet: table.sheet, headerRow: table.headerRow } : {}),
    };
  }

  /** Sends the file with what the person said of it (and, for a workbook, the sheet and header row to read); shows what the server read. */
  async function readFile(source: File, choice: { sheet?: string; headerRow?: number } = {}) {
    const result = await api.call("uploadImport", {
      query: { fileName: source.name, format, mechanism, documentSymbol: symbol.trim() || undefined, session: session.trim() ? Number(session) : undefined, ...choice },
      body: source,
    });
    setRead(source);
    setSavedAs(undefined);
    setSkipped({});
    setPreview(result);
    setTable(result.table);
    if (result.table) {
      const suggested = result.table.suggestedMapping;
      setColumns(Object.fromEntries(Object.entries(suggested.columns).map(([field, column]) => [column, field as Field])));
      setTranslations((suggested.values?.position ?? {}) as Record<string, Translation>);
      setOneRowPerState(Boolean(suggested.oneRowPerState));
    }
    setOutcome("all");
  }

  /**
   * The workbook read again from another sheet (its header row found again) or another header row.
   * A refusal (a row the sheet does not have) leaves the table shown as it was.
   */
  const readAgain = useAction(async (choice: { sheet: string; headerRow?: number }) => {
    if (read) await readFile(read, choice);
  });

  const upload = useAction(async () => {
    if (!file) return;
    setCommitted(undefined);
    setSavedAs(undefined);
    setSkipped({});
    readAgain.clear();
    await readFile(file);
  });

  const applyMapping = useAction(async () => {
    if (!preview) return;
    const result = await api.call("mapImport", { params: { id: preview.id }, body: { mapping: mapping(), ...(mechanism ? { mechanism } : {}) } });
    setPreview(result);
    setSkipped({});
    setOutcome("all");
  });

  const saveMapping = useAction(async () => {
    const name = mappingName.trim();
    if (!name) return;
    const saved = await api.call("saveImportMapping", { body: { name, mapping: (preview?.mapping as object | undefined) ?? mapping() } });
    setSavedAs(saved.name);
  });

  const commit = useAction(async () => {
    if (!preview?.preview) return;
    const skip = Object.entries(skipped).map(([key, what]) => {
      const [tableNumber, row] = key.split(":").map(Number) as [number, number];
      return { row, ...(tableNumber ? { table: tableNumber } : {}), ...(what === "row" ? {} : { fields: what as never[] }) };
    });
    const result = await api.call("commitImport", { params: { id: preview.id }, body: skip.length ? { skip } : {} });
    setCommitted(result);
    setPreview(undefined);
    setTable(undefined);
  });

  function toggleRow(key: string) {
    setSkipped((current) => {
      const next = { ...current };
      if (next[key] === "row") delete next[key];
      else next[key] = "row";
      return next;
    });
  }

  function toggleField(key: string, field: string) {
    setSkipped((current) => {
      const was = current[key];
      if (was === "row") return current;
      const fields = was ?? [];
      const next = { ...current };
      const updated = fields.includes(field) ? fields.filter((f) => f !== field) : [...fields, field];
      if (updated.length) next[key] = updated;
      else delete next[key];
      return next;
    });
  }

  const p = preview?.preview;
  const rows = (p?.rows ?? []).filter((row) => outcome === "all" || row.outcome === outcome);
  const positionColumn = Object.entries(columns).find(([, field]) => field === "position")?.[0];
  return {
    file, setFile, format, setFormat, mechanism, setMechanism, symbol, setSymbol, session, setSession,
    preview, table, columns, setColumns, translations, setTranslations, oneRowPerState, setOneRowPerState, positionColumn,
    mappingName, setMappingName, savedAs, saveMapping, applyMapping, readAgain,
    skipped, toggleRow, toggleField,
    outcome, setOutcome, committed, upload, commit, p, rows,
  };
}
