import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActionViewDto, ReadableActionDto } from "../../../../core/api/followup";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../../testing/session";
import ActionsView from "./ActionsView";

beforeAll(stubLayout);

const action = (id: string, fields: Partial<ReadableActionDto>): ReadableActionDto => ({
  id,
  eTag: "e",
  title: `Action ${id}`,
  recommendationIds: ["7"],
  leadMinistryId: "m1",
  supportingMinistryIds: [],
  startDate: "2026-01-01",
  endDate: "2026-12-31",
  expectedOutput: "An output",
  status: "under-way",
  planItemIds: [],
  sharedWithObservers: false,
  createdAt: "2026-01-01T00:00:00.000Z",
  createdBy: "u-sec",
  overdue: false,
  indicatorsOffTrack: 0,
  ...fields,
});

describe("the Actions view", () => {
  test("lists the actions with their ministry, end date, status and indicators off track, filtered by ministry, overdue and off track", async () => {
    const api = fakeApi({
      listActions: () => ({ items: [action("a1", { title: "Juvenile justice reform", overdue: true, endDate: "2026-03-31", indicatorsOffTrack: 2 }), action("a2", { title: "Youth clinics", leadMinistryId: "m2", status: "planned" })], total: 2 }),
    });
    renderSignedIn(<ActionsView />, { me: ME.secretariat, api });
    const table = await screen.findByRole("table", { name: "Actions" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent("Juvenile justice reform");
    expect(rows[0]).toHaveTextContent("Ministry of Justice");
    expect(rows[0]).toHaveTextContent("Overdue");
    expect(rows[0]).toHaveTextContent("Under way");
    expect(rows[0]).toHaveTextContent("2");
    expect(rows[1]).toHaveTextContent("Ministry of Health");
    expect(rows[1]).toHaveTextContent("Planned");

    await userEvent.click(screen.getByRole("switch", { name: "Overdue only" }));
    await userEvent.click(screen.getByRole("switch", { name: "With an indicator off track" }));
    await waitFor(() => expect(api.calls.at(-1)).toMatchObject({ id: "listActions", input: { query: { overdue: "true", offTrack: "true" } } }));
    await userEvent.click(screen.getByRole("combobox", { name: "Ministry" }));
    await userEvent.click(screen.getByRole("option", { name: "Ministry of Health" }));
    await waitFor(() => expect(api.calls.at(-1)).toMatchObject({ id: "listActions", input: { query: { ministryId: "m2", overdue: "true" } } }));
  });

  test("exports the actions the filters show, in the person's language, under the ministry's name", async () => {
    const api = fakeApi({ listActions: () => ({ items: [action("a1", {})], total: 1 }), exportActions: () => new Blob(["x"]) });
    URL.createObjectURL = jest.fn(() => "blob:export");
    URL.revokeObjectURL = jest.fn();
    let saved = "";
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved = this.download;
    });
    renderSignedIn(<ActionsView />, { me: ME.secretariat, api });
    await screen.findByRole("table", { name: "Actions" });
    await userEvent.click(screen.getByRole("switch", { name: "Overdue only" }));
    await userEvent.click(screen.getByRole("combobox", { name: "Ministry" }));
    await userEvent.click(screen.getByRole("option", { name: "Ministry of Health" }));
    await userEvent.click(screen.getByRole("button", { name: "Export" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Excel workbook (.xlsx)" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.calls.find((c) => c.id === "exportActions")?.input).toEqual({ query: { ministryId: "m2", status: undefined, overdue: "true", offTrack: undefined, format: "xlsx", lang: "en" } });
    expect(saved).toMatch(/^Actions Ministry of Health.*\.xlsx$/);
    click.mockRestore();
  });

  test("lists the actions of a national plan, and exports them", async () => {
    const plan = { id: "p1", eTag: "e", key: "NHRAP 2024-2028", kind: "human-rights-action-plan" as const, title: "National Human Rights Action Plan 2024–2028", startDate: "2024-01-01", endDate: "2028-12-31", chapters: [{ code: "3", title: "Rights of the child" }], items: [] };
    const api = fakeApi({ listActions: ({ query }) => ({ items: query?.planId ? [action("a1", { title: "Juvenile justice act" })] : [action("a1", { title: "Juvenile justice act" }), action("a2", { title: "Not in the plan" })], total: 1 }), listPlans: () => ({ items: [plan] }), exportActions: () => new Blob(["x"]) });
    URL.createObjectURL = jest.fn(() => "blob:export");
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    renderSignedIn(<ActionsView />, { me: ME.focalPoint, api });
    const table = await screen.findByRole("table", { name: "Actions" });
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    await userEvent.click(await screen.findByRole("combobox", { name: "National plan" }));
    await userEvent.click(screen.getByRole("option", { name: "National Human Rights Action Plan 2024–2028" }));
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(2));
    expect(api.calls.filter((c) => c.id === "listActions").at(-1)?.input).toMatchObject({ query: { planId: "p1" } });
    await userEvent.click(screen.getByRole("button", { name: "Export" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Text file (CSV)" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(api.calls.find((c) => c.id === "exportActions")?.input).toMatchObject({ query: { planId: "p1", format: "csv" } });
    click.mockRestore();
  });

  test("shows the action chosen with its indicators and timeline", async () => {
    const chosen: ActionViewDto = { access: "full", action: action("a1", { title: "Juvenile justice reform" }), indicators: [], timeline: [], mayReport: false, mayReview: true };
    const api = fakeApi({ listActions: () => ({ items: [chosen.action], total: 1 }), getAction: () => chosen });
    renderSignedIn(<ActionsView />, { me: ME.secretariat, api });
    await userEvent.click(await screen.findByText("Juvenile justice reform"));
    const item = await screen.findByRole("listitem", { name: "Juvenile justice reform" });
    expect(item).toHaveTextContent("No progress reported yet.");
    expect(api.calls.find((c) => c.id === "getAction")?.input).toMatchObject({ params: { id: "a1" } });
  });

  test("says so when no action matches", async () => {
    renderSignedIn(<ActionsView />, { me: ME.observer, api: fakeApi({ listActions: () => ({ items: [], total: 0 }) }) });
    expect(await screen.findByText("No action matches.")).toBeInTheDocument();
  });
});
