/**
 * Import: the secretariat uploads an OHCHR thematic list, a UHRI export or a tracker of its own
 * (CSV or Excel); a tracker is mapped in a wizard (its columns to fields, its values to
 * positions); the server answers a preview (new, changed, unchanged, duplicates, invalid with
 * reasons, the first rows as they will be stored) without writing anything; the secretariat
 * unticks what it does not want, saves the mapping for the next time, and commits.
 */
import { Badge, Button, Checkbox, Dropdown, Field, Input, Label, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Option, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens } from "@fluentui/react-components";
import type { Mechanism } from "../../../../core/records/taxonomy";
import { PageHeader } from "../../components/PageHeader";
import { ProblemBar } from "../../components/ProblemBar";
import { useI18n, type MessageKey } from "../../i18n/i18n";
import { MECHANISM_CODES } from "../../taxonomy";
import { MappingStep } from "./MappingStep";
import { FORMATS, rowKey, useImport, type Format, type Outcome } from "./use-import";


const useStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end", backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, marginBlockEnd: tokens.spacingVerticalL },
  summary: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, listStyleType: "none", padding: 0, margin: 0 },
  panel: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // The details say what a row brings: wrapped to three lines, not cut to one.
  text: { display: "-webkit-box", WebkitLineClamp: 3, WebkitBoxOrient: "vertical", overflow: "hidden", whiteSpace: "normal" },
  // Above a preview of hundreds of rows, the import button stays in reach while the rows scroll by.
  actions: { position: "sticky", top: 0, zIndex: 1, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center", backgroundColor: tokens.colorNeutralBackground1, paddingBlock: tokens.spacingVerticalS, borderBottomWidth: "1px", borderBottomStyle: "solid", borderBottomColor: tokens.colorNeutralStroke2 },
  table: { tableLayout: "fixed", width: "100%" },
  narrow: { width: "6rem" },
  reference: { width: "10rem", overflowWrap: "anywhere" },
  details: { width: "auto", whiteSpace: "normal", overflowWrap: "anywhere" },
  changes: { listStyleType: "none", margin: 0, padding: 0 },
  save: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
});

type StoredFields = { position?: string; recommendingStates?: string[]; documentSymbol?: string; paragraph?: string };

/** A value of a change as words: lists joined, nothing as a dash. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.map(String).join(", ") || "—";
  return String(value);
}

/** The first rows as they will be stored: what the mapping made of the position and the States. */
function AsStored({ fields }: { fields: StoredFields }) {
  const { t } = useI18n();
  return (
    <Text size={200} block>
      {t("import.wizard.asStored", {
        symbol: `${fields.documentSymbol ?? ""} ${fields.paragraph ?? ""}`.trim(),
        position: fields.position ? t(`position.${fields.position}` as MessageKey) : t("import.wizard.noPosition"),
        states: fields.recommendingStates?.length ? fields.recommendingStates.join(", ") : "—",
      })}
    </Text>
  );
}

const AUTO = "__auto__";
const MAX_ROWS_SHOWN = 500;

export default function ImportView() {
  const styles = useStyles();
  const { t, plural, number, dateTime } = useI18n();
  const state = useImport();
  const { setFile, format, setFormat, mechanism, setMechanism, symbol, setSymbol, session, setSession, preview, outcome, setOutcome, committed, upload, commit, p, rows, file, table, skipped, toggleRow, toggleField } = state;
  const fieldLabel = (field: string) => t(`import.field.${field}` as MessageKey);
  const valueLabel = (field: string, value: unknown) => (field === "position" && typeof value === "string" && value ? t(`position.${value}` as MessageKey) : shown(value));
  const written = (p?.rows ?? []).filter((row) => (row.outcome === "new" || row.outcome === "changed") && skipped[rowKey(row)] !== "row").length;
  return (
    <>
      <PageHeader title={t("import.title")} description={t("import.description")} />
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void upload.run();
        }}
      >
        <div className={styles.file}>
          <Label htmlFor="import-file" required>
            {t("import.file")}
          </Label>
          <input id="import-file" type="file" accept=".docx,.xlsx,.csv,.json" onChange={(event) => setFile(event.target.files?.[0])} aria-describedby="import-file-hint" />
          <Text id="import-file-hint" size={200} className={styles.muted}>
            {t("import.fileHint")}
          </Text>
        </div>
        <Field label={t("import.format")}>
          <Dropdown value={format ? t(`import.format.${format}`) : t("import.formatAuto")} selectedOptions={[format ?? AUTO]} onOptionSelect={(_, d) => setFormat(d.optionValue === AUTO ? undefined : (d.optionValue as Format))}>
            <Option value={AUTO}>{t("import.formatAuto")}</Option>
            {FORMATS.map((f) => (
              <Option key={f} value={f} text={t(`import.format.${f}`)}>
                {t(`import.format.${f}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("grid.mechanism")} hint={t("import.mechanismHint")}>
          <Dropdown value={mechanism ? t(`mechanism.${mechanism}`) : t("import.fromFile")} selectedOptions={[mechanism ?? AUTO]} onOptionSelect={(_, d) => setMechanism(d.optionValue === AUTO ? undefined : (d.optionValue as Mechanism))}>
            <Option value={AUTO}>{t("import.fromFile")}</Option>
            {MECHANISM_CODES.map((code) => (
              <Option key={code} value={code} text={t(`mechanism.${code}`)}>
                {t(`mechanism.${code}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t("import.symbol")} hint={t("import.symbolHint")}>
          <Input value={symbol} onChange={(_, d) => setSymbol(d.value)} placeholder="A/HRC/59/15" />
        </Field>
        <Field label={t("import.session")}>
          <Input type="number" min={1} value={session} onChange={(_, d) => setSession(d.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={!file || upload.busy}>
          {upload.busy ? t("import.reading") : t("import.preview")}
        </Button>
      </form>
      <ProblemBar error={upload.error ?? state.readAgain.error ?? state.applyMapping.error ?? state.saveMapping.error ?? commit.error} />
      {committed && (
        <MessageBar intent={committed.failed ? "warning" : "success"}>
          <MessageBarBody>
            <MessageBarTitle>{t("import.done")}</MessageBarTitle>
            {t("import.doneSummary", { created: committed.created, updated: committed.updated, unchanged: committed.unchanged, duplicates: committed.duplicates, invalid: committed.invalid, failed: committed.failed })}
            {committed.skipped > 0 && ` ${plural("import.doneSkipped", committed.skipped)}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && table && <MappingStep state={state} />}
      {p && preview && (
        <section className={styles.panel} aria-labelledby="preview-heading">
          <Title3 as="h2" id="preview-heading">
            {t("import.previewTitle", { file: preview.fileName })}
          </Title3>
          <ul className={styles.summary} aria-label={t("import.summary")}>
            <li><Badge appearance="tint" color="success">{t("import.count.new", { count: p.new })}</Badge></li>
            <li><Badge appearance="tint" color="warning">{t("import.count.changed", { count: p.changed })}</Badge></li>
            <li><Badge appearance="tint" color="informative">{t("import.count.unchanged", { count: p.unchanged })}</Badge></li>
            <li><Badge appearance="tint" color="subtle">{t("import.count.duplicates", { count: p.duplicates })}</Badge></li>
            <li><Badge appearance="tint" color="danger">{t("import.count.invalid", { count: p.invalid })}</Badge></li>
          </ul>
          {p.warnings.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <ul className={styles.reasons}>
                  {p.warnings.slice(0, 10).map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions} role="toolbar" aria-label={t("import.actions")}>
            <Button appearance="primary" onClick={() => void commit.run()} disabled={commit.busy || written === 0}>
              {commit.busy ? t("common.saving") : plural("import.commit", written)}
            </Button>
            <Text className={styles.muted}>{t("import.previewHelp", { until: dateTime(preview.expiresAt) })}</Text>
          </div>
          {table && (
            <form
              className={styles.save}
              aria-label={t("import.wizard.saveTitle")}
              onSubmit={(event) => {
                event.preventDefault();
                void state.saveMapping.run();
              }}
            >
              <Field label={t("import.wizard.mappingName")} hint={t("import.wizard.mappingNameHint")}>
                <Input value={state.mappingName} onChange={(_, d) => state.setMappingName(d.value)} maxLength={80} />
              </Field>
              <Button type="submit" disabled={!state.mappingName.trim() || state.saveMapping.busy}>
                {t("import.wizard.save")}
              </Button>
              {state.savedAs && (
                <Text role="status">{t("import.wizard.saved", { name: state.savedAs })}</Text>
              )}
            </form>
          )}
          <TabList selectedValue={outcome} onTabSelect={(_, d) => setOutcome(d.value as Outcome)} aria-label={t("import.filterRows")}>
            {(["all", "new", "changed", "unchanged", "duplicate", "invalid"] as const).map((o) => (
              <Tab key={o} value={o}>
                {t(`import.outcome.${o}`)}
              </Tab>
            ))}
          </TabList>
          <Table size="small" aria-label={t("import.rows")} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.narrow}>{t("import.wizard.write")}</TableHeaderCell>
                <TableHeaderCell className={styles.narrow}>{t("import.row")}</TableHeaderCell>
                <TableHeaderCell className={styles.reference}>{t("import.ref")}</TableHeaderCell>
                <TableHeaderCell className={styles.narrow}>{t("import.outcome")}</TableHeaderCell>
                <TableHeaderCell className={styles.details}>{t("import.details")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.slice(0, MAX_ROWS_SHOWN).map((row) => (
                <TableRow key={`${row.table ?? 0}-${row.row}`}>
                  <TableCell className={styles.narrow}>
                    {(row.outcome === "new" || row.outcome === "changed") && (
                      <Checkbox checked={skipped[rowKey(row)] !== "row"} onChange={() => toggleRow(rowKey(row))} aria-label={t("import.wizard.importRow", { row: row.row })} />
                    )}
                  </TableCell>
                  <TableCell className={styles.narrow}>{number(row.row)}</TableCell>
                  <TableCell className={styles.reference}>{row.ref ?? row.key ?? "—"}</TableCell>
                  <TableCell className={styles.narrow}>{t(`import.outcome.${row.outcome}`)}</TableCell>
                  <TableCell className={styles.details}>
                    {row.reasons?.length ? (
                      <ul className={styles.reasons}>
                        {row.reasons.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    ) : row.changes?.length ? (
                      <ul className={styles.changes} aria-label={t("import.changedFields", { fields: row.changes.map((c) => c.field).join(", ") })}>
                        {row.changes.map((change) => {
                          const fields = skipped[rowKey(row)];
                          return (
                            <li key={change.field}>
                              <Checkbox
                                checked={fields !== "row" && !(fields ?? []).includes(change.field)}
                                disabled={fields === "row"}
                                onChange={() => toggleField(rowKey(row), change.field)}
                                label={t("import.wizard.change", { field: fieldLabel(change.field), from: valueLabel(change.field, change.from), to: valueLabel(change.field, change.to) })}
                              />
                            </li>
                          );
                        })}
                      </ul>
                    ) : row.duplicateOf !== undefined ? (
                      t("import.duplicateOf", { row: row.duplicateOf })
                    ) : (
                      <>
                        <span className={styles.text} dir="auto">{typeof (row.fields as { text?: unknown })?.text === "string" ? (row.fields as { text: string }).text : ""}</span>
                        {table && row.fields !== undefined && <AsStored fields={row.fields as StoredFields} />}
                      </>
                    )}
                    {row.warnings?.length ? (
                      <ul className={styles.reasons} aria-label={t("import.wizard.warnings")}>
                        {row.warnings.map((warning) => (
                          <li key={warning}>{warning}</li>
                        ))}
                      </ul>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {rows.length > MAX_ROWS_SHOWN && <Text className={styles.muted}>{t("import.moreRows", { count: rows.length - MAX_ROWS_SHOWN })}</Text>}
        </section>
      )}
    </>
  );
}
