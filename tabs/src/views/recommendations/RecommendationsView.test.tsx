import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { bootSettled } from "../../api/boot";
import { ApiProblem } from "../../api/client";
import { fakeApi, ME, recommendation, renderSignedIn, stubLayout } from "../../testing/session";
import RecommendationsView from "./RecommendationsView";

beforeAll(stubLayout);

const all = Array.from({ length: 450 }, (_, i) => recommendation(i + 1));

/** The list as the API pages it: 200 at a time. */
function api() {
  return fakeApi({
    listRecommendations: ({ query }) => {
      const offset = Number(query?.pageToken ?? 0);
      const next = offset + 200;
      return { items: all.slice(offset, next), total: all.length, ...(next < all.length ? { nextPageToken: String(next) } : {}) };
    },
    listReports: () => ({ items: [{ id: "r1", eTag: "e", title: "UPR national report", mechanism: "UPR", type: "upr-national", language: "en", dueDate: "2027-02-12", timeZone: "UTC", wordLimit: 10700, status: "collecting", questions: [], reminderPolicy: { remindDaysBefore: [7], escalateDaysAfter: 1, sendAt: "09:00", dailyDigest: true }, sharedWithObservers: false, createdAt: "2026-01-01T00:00:00.000Z" }] }),
    listRequests: () => ({
      items: ["1", "5", "7", "11", "13"].map((id) => ({ id: `q${id}`, eTag: "e", key: `r1|rec:${id}|m1`, reportId: "r1", subject: { kind: "recommendation" as const, recommendationId: id }, recommendationId: id, ministryId: "m1", ministryRole: "lead" as const, ask: "x", dueDate: "2026-12-01", status: "sent" as const, createdBy: "u", latestVersion: 0, notices: [] })),
      total: 5,
    }),
    exportRecommendations: () => new Blob(["x"], { type: "text/csv" }),
    exportUprMatrix: () => new Blob(["x"], { type: "application/octet-stream" }),
    createRequests: ({ body }) => ({ created: (body as { subjects: unknown[] }).subjects.map(() => ({}) as never), alreadyExisting: 0, skipped: [], unaddressed: [] }),
    bulkAssignRecommendations: ({ body }) => {
      const { items, leadMinistryId } = body as { items: { id: string }[]; leadMinistryId: string };
      return { results: items.map(({ id }) => ({ ok: true as const, id, record: { ...all.find((r) => r.id === id)!, leadMinistryId, eTag: "new" } })), updated: items.length, failed: 0 };
    },
  });
}

describe("the recommendations view", () => {
  test("loads every page, then filters the whole list as one types", async () => {
    renderSignedIn(<RecommendationsView />, { me: ME.secretariat, api: api() });
    await screen.findByText("450 of 450 recommendations");
    await userEvent.type(screen.getByRole("searchbox"), "ombudsman");
    expect(screen.getByText("225 of 450 recommendations")).toBeInTheDocument();
    expect(screen.getByRole("grid")).toHaveAttribute("aria-rowcount", "226");
  });

  test("the secretariat selects recommendations and assigns them a lead ministry", async () => {
    const fake = api();
    renderSignedIn(<RecommendationsView />, { me: ME.secretariat, api: fake });
    await screen.findByText("450 of 450 recommendations");
    await userEvent.click(screen.getByRole("checkbox", { name: "Select A/HRC/43/15 148.1" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Select A/HRC/43/15 148.2" }));
    await userEvent.click(screen.getByRole("button", { name: "Assign lead ministry to 2 recommendations" }));
    const dialog = screen.getByRole("dialog");
    await userEvent.click(within(dialog).getByRole("combobox", { name: "Lead ministry" }));
    await userEvent.click(screen.getByRole("option", { name: "Ministry of Health" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Assign" }));
    await screen.findByText("2 recommendations assigned.");
    const call = fake.calls.find((c) => c.id === "bulkAssignRecommendations");
    expect(call?.input).toMatchObject({ body: { items: [{ id: "1", eTag: "e1" }, { id: "2", eTag: "e2" }], leadMinistryId: "m2" } });
  });

  test("the secretariat asks the lead ministries about every recommendation the filters show, with a preview per ministry", async () => {
    const fake = api();
    renderSignedIn(<RecommendationsView />, { me: ME.secretariat, api: fake });
    await screen.findByText("450 of 450 recommendations");
    await userEvent.type(screen.getByRole("searchbox"), "ombudsman");
    await userEvent.click(screen.getByRole("button", { name: "Ask the lead ministries about these 225" }));
    const dialog = await screen.findByRole("dialog", { name: "Ask about 225 recommendations" });
    const preview = await within(dialog).findByRole("table", { name: "Who will be asked" });
    const justice = within(preview).getByRole("row", { name: /Ministry of Justice/ });
    expect(justice).toHaveTextContent("145");
    expect(within(preview).queryByRole("row", { name: /Ministry of Health/ })).toBeNull();
    expect(dialog).toHaveTextContent("5 were already asked for this report: left out.");
    expect(dialog).toHaveTextContent("75 chosen recommendations have no lead ministry");
    await userEvent.click(within(dialog).getByRole("button", { name: "Ask about 145 recommendations" }));
    await screen.findByText(/145 requests made/);
    const call = fake.calls.find((c) => c.id === "createRequests");
    expect(call?.input).toMatchObject({ params: { id: "r1" }, body: { ministries: { mode: "lead" } } });
    const subjects = (call?.input as { body: { subjects: { recommendationId: string }[] } }).body.subjects;
    expect(subjects).toHaveLength(145);
    expect(subjects.some((s) => s.recommendationId === "1" || s.recommendationId === "3")).toBe(false);
  });

  test("exports the rows the filters show, as Excel or CSV", async () => {
    const fake = api();
    URL.createObjectURL = jest.fn(() => "blob:export");
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    renderSignedIn(<RecommendationsView />, { me: ME.secretariat, api: fake });
    await screen.findByText("450 of 450 recommendations");
    await userEvent.type(screen.getByRole("searchbox"), "ombudsman");
    await userEvent.click(screen.getByRole("button", { name: "Export" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Text file (CSV)" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(fake.calls.find((c) => c.id === "exportRecommendations")?.input).toMatchObject({ query: { format: "csv", q: "ombudsman", lang: "en" } });
    click.mockRestore();
  });

  test("exports the UPR matrix of what the filters show, without the grid's mechanism", async () => {
    const fake = api();
    URL.createObjectURL = jest.fn(() => "blob:export");
    URL.revokeObjectURL = jest.fn();
    let saved = "";
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved = this.download;
    });
    renderSignedIn(<RecommendationsView />, { me: ME.secretariat, api: fake });
    await screen.findByText("450 of 450 recommendations");
    await userEvent.type(screen.getByRole("searchbox"), "ombudsman");
    await userEvent.click(screen.getByRole("button", { name: "Export" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "UPR matrix (.xlsx)" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const query = (fake.calls.find((c) => c.id === "exportUprMatrix")?.input as { query: Record<string, unknown> }).query;
    expect(query).toMatchObject({ format: "xlsx", q: "ombudsman", lang: "en" });
    expect(query).not.toHaveProperty("mechanism");
    expect(saved).toMatch(/^UPR matrix \d{4}-\d{2}-\d{2}\.xlsx$/);
    click.mockRestore();
  });

  test("a focal point sees their ministry's recommendations and no bulk assignment", async () => {
    renderSignedIn(<RecommendationsView />, { me: ME.focalPoint, api: api() });
    await screen.findByText(/^\d+ of 450 recommendations$/);
    expect(screen.getByRole("switch", { name: "My ministry only" })).toBeChecked();
    expect(screen.queryByRole("button", { name: /Assign lead ministry/ })).toBeNull();
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
    await userEvent.click(screen.getByRole("switch", { name: "My ministry only" }));
    await waitFor(() => expect(screen.getByText("450 of 450 recommendations")).toBeInTheDocument());
  });

  test("the first page the page's boot script fetched shows in the first render, and the rest loads from the second page", async () => {
    const window_ = window as unknown as { __nmirfBoot?: unknown };
    window_.__nmirfBoot = { firstRecommendations: Promise.resolve({ items: all.slice(0, 200), total: all.length, nextPageToken: "200" }) };
    try {
      await bootSettled();
      const fake = api();
      renderSignedIn(<RecommendationsView />, { me: ME.secretariat, api: fake });
      // The first render holds the boot's 200 rows (the header row and 200).
      expect(screen.getByRole("grid")).toHaveAttribute("aria-rowcount", "201");
      await screen.findByText("450 of 450 recommendations");
      const pages = fake.calls.filter((c) => c.id === "listRecommendations").map((c) => (c.input as { query: { pageToken?: string } }).query.pageToken);
      expect(pages).toEqual(["200", "400"]);
    } finally {
      delete window_.__nmirfBoot;
    }
  });

  test("an error from the API is shown in plain words with a way to try again", async () => {
    const failing = fakeApi({
      listRecommendations: () => {
        throw new ApiProblem("unavailable", "SharePoint did not answer", 503);
      },
    });
    renderSignedIn(<RecommendationsView />, { me: ME.observer, api: failing });
    await screen.findByText("The service is not available right now. Try again in a moment.");
    expect(screen.getByText(/SharePoint did not answer/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});
