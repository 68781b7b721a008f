import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ImportSessionDto } from "../../../../core/api";
import { ApiProblem } from "../../api/client";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../../testing/session";
import ImportView from "./ImportView";

beforeAll(stubLayout);

const table: NonNullable<ImportSessionDto["table"]> = {
  headerRow: 1,
  rows: 4,
  warnings: ["The file is not UTF-8: it was read as Windows-1252 (older Excel)."],
  columns: [
    { name: "text", filled: 4, distinct: 3, values: [{ value: "150.1 Ratify the Optional Protocol (Ethiopia);", rows: 2 }], suggestedField: "text" },
    { name: "document", filled: 4, distinct: 1, values: [{ value: "A/HRC/59/15", rows: 4 }], suggestedField: "documentSymbol" },
    {
      name: "decision",
      filled: 4,
      distinct: 3,
      values: [
        { value: "support", rows: 2, position: "supported" },
        { value: "Aceptada", rows: 1, position: "supported" },
        { value: "consider", rows: 1 },
      ],
      suggestedField: "position",
    },
    { name: "From", filled: 4, distinct: 3, values: [{ value: "Ethiopia", rows: 1 }], suggestedField: "recommendingStates" },
    { name: "notes", filled: 1, distinct: 1, values: [{ value: "done in 2016", rows: 1 }] },
  ],
  suggestedMapping: { columns: { text: "text", documentSymbol: "document", position: "decision", recommendingStates: "From" }, values: { position: { support: "supported", Aceptada: "supported" } }, oneRowPerState: true },
};
const uploaded: ImportSessionDto = { id: "imp_upload_0001", fileName: "tracker.csv", uploadedAt: "2026-12-03T10:00:00.000Z", expiresAt: "2026-12-03T10:30:00.000Z", table };
const summary = { total: 3, new: 1, changed: 2, unchanged: 0, duplicates: 0, invalid: 0, position: {}, clusters: 0, format: "csv" as const, source: {}, clusterNames: [], warnings: [] };
const mapped: ImportSessionDto = {
  ...uploaded,
  id: "imp_mapped_0002",
  mapping: { columns: { text: "text" } },
  preview: {
    ...summary,
    rows: [
      { row: 2, ref: "150.1", outcome: "new", fields: { text: "Ratify the Optional Protocol", documentSymbol: "A/HRC/59/15", paragraph: "150.1", position: "supported", recommendingStates: ["Ethiopia", "France"] } },
      { row: 4, ref: "150.2", outcome: "changed", existingId: "r2", changes: [{ field: "position", from: "supported", to: "noted" }, { field: "cluster", from: "Justice", to: "Detention" }], fields: { text: "Consider joining" } },
      { row: 5, ref: "150.3", outcome: "changed", existingId: "r3", changes: [{ field: "position", from: "noted", to: "supported" }], fields: { text: "Abolish" }, warnings: ["the row gives no position"] },
    ],
  },
};

test("the wizard maps the tracker's columns and values from the file, previews the rows as stored, saves the mapping and commits only what stays ticked", async () => {
  const api = fakeApi({
    uploadImport: () => uploaded,
    mapImport: () => mapped,
    saveImportMapping: ({ body }: { body?: unknown }) => ({ id: "f1", name: (body as { name: string }).name, fileName: "x.json", webUrl: "https://x", version: "1.0", savedAt: "2026-12-03T10:05:00.000Z" }),
    commitImport: () => ({ planned: { ...summary }, created: 1, updated: 1, unchanged: 0, duplicates: 0, invalid: 0, failed: 0, skipped: 1, auditEntries: 2, warnings: [], rows: [] }),
  });
  renderSignedIn(<ImportView />, { me: ME.secretariat, api });
  await userEvent.upload(screen.getByLabelText(/File/), new File(["x"], "tracker.csv"));
  await userEvent.click(screen.getByRole("button", { name: "Preview" }));

  // The file's own columns, the suggestions preselected, the values found.
  const columns = await screen.findByRole("table", { name: "Map the file's columns" });
  expect(within(columns).getByRole("combobox", { name: "Field for the column decision" })).toHaveTextContent("Position");
  expect(within(columns).getByRole("combobox", { name: "Field for the column notes" })).toHaveTextContent("Not imported");
  expect(within(columns).getByText("support · Aceptada · consider")).toBeInTheDocument();
  expect(screen.getByText(/read as Windows-1252/)).toBeInTheDocument();
  const values = screen.getByRole("table", { name: "Translate the positions" });
  expect(within(values).getByRole("combobox", { name: "Position for Aceptada" })).toHaveTextContent("Supported");
  const consider = within(values).getByRole("combobox", { name: "Position for consider" });
  expect(consider).toHaveTextContent("As the file says");
  await userEvent.click(consider);
  await userEvent.click(screen.getByRole("option", { name: "Noted" }));
  await userEvent.click(within(columns).getByRole("combobox", { name: "Field for the column notes" }));
  await userEvent.click(screen.getByRole("option", { name: "Cluster" }));
  expect(screen.getByRole("checkbox", { name: /One row per recommending State/ })).toBeChecked();

  await userEvent.click(screen.getByRole("button", { name: "Preview with this mapping" }));
  expect(api.calls.find((c) => c.id === "mapImport")?.input).toEqual({
    params: { id: "imp_upload_0001" },
    body: {
      mapping: {
        columns: { text: "text", documentSymbol: "document", position: "decision", recommendingStates: "From", cluster: "notes" },
        values: { position: { support: "supported", Aceptada: "supported", consider: "noted" } },
        oneRowPerState: true,
      },
    },
  });

  // The first rows as they will be stored, with their warnings; old → new per field.
  const rows = await screen.findByRole("table", { name: /rows/i });
  expect(within(rows).getByText("Stored as A/HRC/59/15 150.1 · Supported · States: Ethiopia, France")).toBeInTheDocument();
  expect(within(rows).getByText("the row gives no position")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Import 3 recommendations" })).toBeInTheDocument();
  await userEvent.click(within(rows).getByRole("checkbox", { name: "Position: Supported → Noted" }));
  await userEvent.click(within(rows).getByRole("checkbox", { name: "Import row 5" }));
  expect(screen.getByRole("button", { name: "Import 2 recommendations" })).toBeInTheDocument();

  await userEvent.type(screen.getByRole("textbox", { name: /Name of the mapping/ }), "National tracker");
  await userEvent.click(screen.getByRole("button", { name: "Save the mapping" }));
  expect(await screen.findByText("Saved as National tracker in the Drafts library, folder Import mappings.")).toBeInTheDocument();
  expect(api.calls.find((c) => c.id === "saveImportMapping")?.input).toEqual({ body: { name: "National tracker", mapping: { columns: { text: "text" } } } });

  await userEvent.click(screen.getByRole("button", { name: "Import 2 recommendations" }));
  expect(api.calls.find((c) => c.id === "commitImport")?.input).toEqual({ params: { id: "imp_mapped_0002" }, body: { skip: [{ row: 4, fields: ["position"] }, { row: 5 }] } });
  expect(await screen.findByText(/1 row left out as you unticked it/)).toBeInTheDocument();
}, 90_000);

describe("a workbook's sheet and header row", () => {
  const sheets = ["Notes", "Tracker 2019", "Tracker 2014"];
  const column = (name: string, value: string, suggestedField?: "text" | "position") => ({ name, filled: 3, distinct: 1, values: [{ value, rows: 3 }], ...(suggestedField ? { suggestedField } : {}) });
  const tables: Record<string, NonNullable<ImportSessionDto["table"]>> = {
    "Tracker 2019": { sheet: "Tracker 2019", sheets, headerRow: 2, rows: 3, warnings: [], columns: [column("Recommendation", "Ratify the Convention", "text"), column("Decision", "accepted")], suggestedMapping: { columns: { text: "Recommendation" } } },
    "Tracker 2014": { sheet: "Tracker 2014", sheets, headerRow: 1, rows: 5, warnings: [], columns: [column("Texte 2014", "Ratifier la Convention", "text"), column("Réponse", "acceptée")], suggestedMapping: { columns: { text: "Texte 2014" } } },
  };
  const underRow3: NonNullable<ImportSessionDto["table"]> = { ...tables["Tracker 2014"]!, headerRow: 3, rows: 3, columns: [column("Paragraph text", "Abolish", "text"), column("State", "France")], suggestedMapping: { columns: { text: "Paragraph text" } } };

  test("choosing another sheet and header row reads the workbook again from them; a refused header row keeps the table shown; the mapping names the sheet and row", async () => {
    let uploads = 0;
    const api = fakeApi({
      uploadImport: ({ query }) => {
        uploads += 1;
        const { sheet, headerRow } = (query ?? {}) as { sheet?: string; headerRow?: number };
        if (headerRow !== undefined && !(headerRow >= 1)) throw new ApiProblem("validation", "The request is not valid: query.headerRow: a header row of 1 or more", 400, [{ path: "query.headerRow", message: "a header row of 1 or more" }]);
        const table = headerRow === 3 ? underRow3 : tables[sheet ?? "Tracker 2019"]!;
        return { ...uploaded, id: `imp_upload_000${uploads}`, fileName: "tracker.xlsx", table };
      },
      mapImport: () => ({ ...mapped, fileName: "tracker.xlsx" }),
    });
    renderSignedIn(<ImportView />, { me: ME.secretariat, api });
    await userEvent.upload(screen.getByLabelText(/File/), new File(["x"], "tracker.xlsx"));
    await userEvent.click(screen.getByRole("button", { name: "Preview" }));

    // The sheet read is the one chosen, its header row shown.
    const sheet = await screen.findByRole("combobox", { name: "Sheet" });
    expect(sheet).toHaveTextContent("Tracker 2019");
    expect(screen.getByRole("spinbutton", { name: /Header row/ })).toHaveValue(2);
    expect(within(screen.getByRole("table", { name: "Map the file's columns" })).getByText("Recommendation")).toBeInTheDocument();

    await userEvent.click(sheet);
    await userEvent.click(screen.getByRole("option", { name: "Tracker 2014" }));
    expect(await within(screen.getByRole("table", { name: "Map the file's columns" })).findByText("Texte 2014")).toBeInTheDocument();
    expect(api.calls.filter((c) => c.id === "uploadImport").at(-1)?.input).toMatchObject({ query: { fileName: "tracker.xlsx", sheet: "Tracker 2014" } });
    expect((api.calls.filter((c) => c.id === "uploadImport").at(-1)?.input as { query: object }).query).not.toHaveProperty("headerRow");
    expect(screen.getByRole("combobox", { name: "Sheet" })).toHaveTextContent("Tracker 2014");
    expect(screen.getByRole("combobox", { name: "Field for the column Texte 2014" })).toHaveTextContent("Text");

    const headerRow = screen.getByRole("spinbutton", { name: /Header row/ });
    expect(headerRow).toHaveValue(1);
    await userEvent.clear(headerRow);
    await userEvent.type(headerRow, "3{Enter}");
    expect(await within(screen.getByRole("table", { name: "Map the file's columns" })).findByText("Paragraph text")).toBeInTheDocument();
    expect(api.calls.filter((c) => c.id === "uploadImport").at(-1)?.input).toMatchObject({ query: { sheet: "Tracker 2014", headerRow: 3 } });
    expect(screen.getByText(/Sheet Tracker 2014, header on row 3/)).toBeInTheDocument();

    // A row the API refuses: its words in the problem bar, the table read before still shown.
    await userEvent.clear(screen.getByRole("spinbutton", { name: /Header row/ }));
    await userEvent.type(screen.getByRole("spinbutton", { name: /Header row/ }), "0{Enter}");
    expect(await screen.findByText(/a header row of 1 or more/, { selector: "li" })).toBeInTheDocument();
    expect(api.calls.filter((c) => c.id === "uploadImport").at(-1)?.input).toMatchObject({ query: { sheet: "Tracker 2014", headerRow: 0 } });
    expect(within(screen.getByRole("table", { name: "Map the file's columns" })).getByText("Paragraph text")).toBeInTheDocument();
    expect(screen.getByText(/Sheet Tracker 2014, header on row 3/)).toBeInTheDocument();

    // The mapping is made on the upload read last, and names its sheet and header row for the CLI.
    await userEvent.click(screen.getByRole("button", { name: "Preview with this mapping" }));
    expect(api.calls.find((c) => c.id === "mapImport")?.input).toEqual({
      params: { id: "imp_upload_0003" },
      body: { mapping: { columns: { text: "Paragraph text" }, sheet: "Tracker 2014", headerRow: 3 } },
    });
  }, 90_000);

  test("a CSV shows neither a sheet nor a header row to choose", async () => {
    const api = fakeApi({ uploadImport: () => uploaded });
    renderSignedIn(<ImportView />, { me: ME.secretariat, api });
    await userEvent.upload(screen.getByLabelText(/File/), new File(["x"], "tracker.csv"));
    await userEvent.click(screen.getByRole("button", { name: "Preview" }));
    expect(await screen.findByRole("table", { name: "Map the file's columns" })).toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: "Sheet" })).not.toBeInTheDocument();
    expect(screen.queryByRole("spinbutton", { name: /Header row/ })).not.toBeInTheDocument();
  }, 30_000);

  test("a workbook of one sheet offers its header row but no sheet to choose", async () => {
    const api = fakeApi({ uploadImport: () => ({ ...uploaded, fileName: "tracker.xlsx", table: { ...tables["Tracker 2019"]!, sheets: ["Tracker 2019"] } }) });
    renderSignedIn(<ImportView />, { me: ME.secretariat, api });
    await userEvent.upload(screen.getByLabelText(/File/), new File(["x"], "tracker.xlsx"));
    await userEvent.click(screen.getByRole("button", { name: "Preview" }));
    expect(await screen.findByRole("spinbutton", { name: /Header row/ })).toHaveValue(2);
    expect(screen.queryByRole("combobox", { name: "Sheet" })).not.toBeInTheDocument();
  }, 30_000);
});
