import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ImportSessionDto } from "../../../../core/api";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../../testing/session";
import ImportView from "./ImportView";

beforeAll(stubLayout);

const rows = Array.from({ length: 254 }, (_, i) => ({ row: i + 1, ref: `148.${i + 1}`, outcome: "new" as const, fields: { text: `Strengthen the national preventive mechanism and ensure its independence, paragraph ${i + 1}` } }));
const session: ImportSessionDto = {
  id: "imp_0123456789",
  fileName: "A_HRC_59_15.docx",
  uploadedAt: "2026-11-20T10:00:00.000Z",
  expiresAt: "2026-11-20T11:00:00.000Z",
  preview: { total: 254, new: 254, changed: 0, unchanged: 0, duplicates: 0, invalid: 0, position: {}, clusters: 0, format: "ohchr-docx", source: {}, clusterNames: [], rows, warnings: [] },
};

test("the import button of a preview of 254 rows is above the rows, in a toolbar, and a row's words are shown whole", async () => {
  const api = fakeApi({ uploadImport: () => session, commitImport: () => ({ planned: { total: 254, new: 254, changed: 0, unchanged: 0, duplicates: 0, invalid: 0, position: {}, clusters: 0 }, created: 254, updated: 0, unchanged: 0, duplicates: 0, invalid: 0, failed: 0, skipped: 0, auditEntries: 254, warnings: [], rows: [] }) });
  renderSignedIn(<ImportView />, { me: ME.secretariat, api });
  await userEvent.upload(screen.getByLabelText(/File/), new File(["x"], "A_HRC_59_15.docx"));
  await userEvent.click(screen.getByRole("button", { name: "Preview" }));
  const toolbar = await screen.findByRole("toolbar", { name: "Import actions" });
  const button = within(toolbar).getByRole("button", { name: "Import 254 recommendations" });
  const table = screen.getByRole("table", { name: /rows/i });
  // The button comes before the table: no scrolling past 254 rows to reach it.
  expect(button.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(screen.getAllByRole("button", { name: "Import 254 recommendations" })).toHaveLength(1);
  expect(within(table).getByText("Strengthen the national preventive mechanism and ensure its independence, paragraph 1")).toBeInTheDocument();
  await userEvent.click(button);
  expect(api.calls.find((c) => c.id === "commitImport")?.input).toMatchObject({ params: { id: "imp_0123456789" } });
});
