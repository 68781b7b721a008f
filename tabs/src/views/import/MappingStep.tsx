/**
 * The import wizard's mapping: each column of the secretariat's own tracker (its header, a few of
 * its values) with the field it holds, the suggestions preselected; the values of the column
 * mapped to the position with the position each means; one row per recommending State. A
 * workbook's sheet and header row can be chosen (the table is read again from them). The preview
 * button reads the uploaded file again with this mapping.
 */
import { useState } from "react";
import { Button, Checkbox, Dropdown, Field as FormField, Input, makeStyles, MessageBar, MessageBarBody, Option, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens } from "@fluentui/react-components";
import { useI18n, type MessageKey } from "../../i18n/i18n";
import { FIELDS, POSITIONS, type Field, type Translation, type useImport } from "./use-import";

const useStyles = makeStyles({
  panel: { backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalL, borderRadius: tokens.borderRadiusMedium, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, marginBlockEnd: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground3 },
  values: { whiteSpace: "normal", overflowWrap: "anywhere" },
  choice: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
  headerRow: { maxWidth: "8rem" },
});

const NONE = "__none__";
const AS_FILE = "__as_file__";
const NO_POSITION = "__no_position__";
const SAMPLE_VALUES = 3;

export function MappingStep({ state }: { state: ReturnType<typeof useImport> }) {
  const styles = useStyles();
  const { t, plural } = useI18n();
  const { table, columns, setColumns, translations, setTranslations, positionColumn, oneRowPerState, setOneRowPerState, applyMapping, preview } = state;
  if (!table) return null;
  const fieldLabel = (field: string) => t(`import.field.${field}` as MessageKey);
  const positionValues = table.columns.find((column) => column.name === positionColumn)?.values ?? [];
  const translationLabel = (value: Translation | undefined) => (value === undefined ? t("import.wizard.asFile") : value === "" ? t("import.wizard.noPosition") : t(`position.${value}`));
  const mappedText = Object.values(columns).includes("text");

  return (
    <section className={styles.panel} aria-labelledby="mapping-heading">
      <Title3 as="h2" id="mapping-heading">
        {t("import.wizard.columnsTitle")}
      </Title3>
      <Text>{t("import.wizard.columnsHelp", { file: preview?.fileName ?? "", rows: table.rows })}</Text>
      {table.sheet && <Text className={styles.muted}>{t("import.wizard.sheetInfo", { sheet: table.sheet, row: table.headerRow, sheets: (table.sheets ?? []).join(", ") })}</Text>}
      {table.sheet && <TableChoice key={`${table.sheet}:${table.headerRow}`} state={state} sheet={table.sheet} sheets={table.sheets ?? []} headerRow={table.headerRow} />}
      {table.warnings.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{table.warnings.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      <Table size="small" aria-label={t("import.wizard.columnsTitle")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("import.wizard.column")}</TableHeaderCell>
            <TableHeaderCell>{t("import.wizard.values")}</TableHeaderCell>
            <TableHeaderCell>{t("import.wizard.fieldHeader")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.columns.map((column) => {
            const field = columns[column.name];
            return (
              <TableRow key={column.name}>
                <TableCell>
                  <Text weight="semibold">{column.name || "—"}</Text>
                </TableCell>
                <TableCell className={styles.values}>
                  <Text dir="auto">{column.values.slice(0, SAMPLE_VALUES).map((v) => v.value).join(" · ") || "—"}</Text>
                  {column.distinct > SAMPLE_VALUES && <Text className={styles.muted}> {t("import.wizard.moreValues", { count: column.distinct - SAMPLE_VALUES })}</Text>}
                </TableCell>
                <TableCell>
                  <Dropdown
                    aria-label={t("import.wizard.field", { column: column.name })}
                    value={field ? fieldLabel(field) : t("import.wizard.notImported")}
                    selectedOptions={[field ?? NONE]}
                    onOptionSelect={(_, d) => {
                      const chosen = d.optionValue === NONE ? undefined : (d.optionValue as Field);
                      // A field is held by one column: choosing it here frees it elsewhere.
                      setColumns(Object.fromEntries([...Object.entries(columns).filter(([name, f]) => name !== column.name && f !== chosen), [column.name, chosen]]));
                    }}
                  >
                    <Option value={NONE}>{t("import.wizard.notImported")}</Option>
                    {FIELDS.map((f) => (
                      <Option key={f} value={f} text={fieldLabel(f)}>
                        {fieldLabel(f)}
                      </Option>
                    ))}
                  </Dropdown>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {positionColumn && positionValues.length > 0 && (
        <>
          <Title3 as="h3">{t("import.wizard.valuesTitle")}</Title3>
          <Text>{t("import.wizard.valuesHelp", { column: positionColumn })}</Text>
          <Table size="small" aria-label={t("import.wizard.valuesTitle")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("import.wizard.value")}</TableHeaderCell>
                <TableHeaderCell>{t("import.row")}</TableHeaderCell>
                <TableHeaderCell>{t("grid.position")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {positionValues.map((value) => {
                const chosen = translations[value.value];
                return (
                  <TableRow key={value.value}>
                    <TableCell>
                      <Text dir="auto">{value.value}</Text>
                    </TableCell>
                    <TableCell>{plural("import.wizard.rowCount", value.rows)}</TableCell>
                    <TableCell>
                      <Dropdown
                        aria-label={t("import.wizard.translation", { value: value.value })}
                        value={translationLabel(chosen)}
                        selectedOptions={[chosen === undefined ? AS_FILE : chosen === "" ? NO_POSITION : chosen]}
                        onOptionSelect={(_, d) => {
                          const next: Translation | undefined = d.optionValue === AS_FILE ? undefined : d.optionValue === NO_POSITION ? "" : (d.optionValue as Translation);
                          setTranslations({ ...translations, [value.value]: next });
                        }}
                      >
                        <Option value={AS_FILE}>{t("import.wizard.asFile")}</Option>
                        {POSITIONS.map((position) => (
                          <Option key={position} value={position} text={t(`position.${position}`)}>
                            {t(`position.${position}`)}
                          </Option>
                        ))}
                        <Option value={NO_POSITION}>{t("import.wizard.noPosition")}</Option>
                      </Dropdown>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
      <Checkbox checked={oneRowPerState} onChange={(_, d) => setOneRowPerState(Boolean(d.checked))} label={t("import.wizard.oneRowPerState")} />
      {!preview?.preview && <Text className={styles.muted}>{t("import.wizard.needsMapping")}</Text>}
      <div>
        <Button appearance="primary" onClick={() => void applyMapping.run()} disabled={!mappedText || applyMapping.busy}>
          {applyMapping.busy ? t("import.reading") : t("import.wizard.applyMapping")}
        </Button>
      </div>
    </section>
  );
}

/**
 * A workbook's sheet (when it has several) and header row: choosing another reads the table
 * again. The header row is sent when the person is done typing it (Enter or leaving the field);
 * a refused one stays in the field, beside the problem, while the table shown is kept.
 */
function TableChoice({ state, sheet, sheets, headerRow }: { state: ReturnType<typeof useImport>; sheet: string; sheets: string[]; headerRow: number }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { readAgain } = state;
  const [row, setRow] = useState(String(headerRow));
  const [asked, setAsked] = useState(String(headerRow));
  function askRow() {
    if (row === asked) return;
    setAsked(row);
    // Sent even when empty or not a number: the API says what a header row must be.
    void readAgain.run({ sheet, headerRow: Number(row) });
  }
  return (
    <div className={styles.choice}>
      {sheets.length > 1 && (
        <FormField label={t("import.wizard.sheet")}>
          <Dropdown
            value={sheet}
            selectedOptions={[sheet]}
            disabled={readAgain.busy}
            onOptionSelect={(_, d) => {
              if (d.optionValue && d.optionValue !== sheet) void readAgain.run({ sheet: d.optionValue });
            }}
          >
            {sheets.map((name) => (
              <Option key={name} value={name} text={name}>
                <span dir="auto">{name}</span>
              </Option>
            ))}
          </Dropdown>
        </FormField>
      )}
      <FormField label={t("import.wizard.headerRow")} hint={t("import.wizard.headerRowHint")}>
        <Input
          className={styles.headerRow}
          type="number"
          min={1}
          value={row}
          disabled={readAgain.busy}
          onChange={(_, d) => setRow(d.value)}
          onBlur={askRow}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            askRow();
          }}
        />
      </FormField>
      {readAgain.busy && <Text role="status">{t("import.wizard.readingSheet")}</Text>}
    </div>
  );
}
