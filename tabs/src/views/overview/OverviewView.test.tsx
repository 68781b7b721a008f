import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CalendarDto, DashboardDto, DueRequestDto } from "../../../../core/api";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../../testing/session";
import OverviewView from "./OverviewView";

// The chart library ships d3 as ES modules only, which jest's CommonJS cannot load; the chart is not what these tests are about.
jest.mock("@fluentui/react-charts", () => ({ HorizontalBarChart: () => null }));

const due = (id: string, fields: Partial<DueRequestDto>): DueRequestDto => ({
  id,
  reportId: "r1",
  reportTitle: "UPR national report, fourth cycle",
  ministryId: "m1",
  ministryName: "Ministry of Justice",
  subject: { kind: "recommendation", recommendationId: "7" },
  subjectText: "Adopt a national action plan on human rights…",
  subjectReference: { documentSymbol: "A/HRC/43/15", paragraph: "148.7" },
  dueDate: "2026-11-20",
  status: "sent",
  daysLeft: 3,
  ...fields,
});

const dashboard: DashboardDto = {
  generatedAt: "2026-11-17T10:00:00.000Z",
  dimension: "ministry",
  recommendations: { total: 0, byStatus: { "not-assessed": 0, "not-started": 0, "in-progress": 0, "partially-implemented": 0, implemented: 0, "no-longer-relevant": 0 }, implementedShare: 0, progressShare: 0 },
  rows: [],
  reports: [],
  requestsDue: {
    horizonDays: 14,
    overdue: {
      count: 11,
      items: [
        due("q1", { dueDate: "2026-11-12", status: "escalated", daysLeft: -5 }),
        due("q2", { reportId: "r2", reportTitle: "Replies to the list of issues (CRC)", ministryId: "m2", ministryName: "Ministry of Health", subject: { kind: "question", number: "3" }, subjectText: "Please provide updated information on mental health services.", subjectReference: undefined, dueDate: "2026-11-16", status: "overdue", daysLeft: -1 }),
      ],
    },
    dueSoon: { count: 1, items: [due("q3", { subject: { kind: "recommendation", recommendationId: "9" }, subjectReference: { documentSymbol: "A/HRC/43/15", paragraph: "148.9" }, dueDate: "2026-11-17", daysLeft: 0 })] },
    undeliverable: {
      count: 1,
      items: [due("q4", { ministryId: "m3", ministryName: "Ministry of Sport", status: "undeliverable", undeliverableReason: "no-focal-point", dueDate: "2026-11-30", daysLeft: 13 })],
    },
  },
  followUp: { actions: { total: 12, byStatus: { planned: 4, "under-way": 6, done: 1, dropped: 1 } }, overdueActions: 3, indicators: { total: 20, offTrack: 5 } },
};

const NOTHING_DUE: CalendarDto = { from: "2026-11-10", to: "2027-02-15", items: [] };

beforeAll(stubLayout);
beforeEach(() => window.history.replaceState(null, "", "/overview"));

describe("the overview's requests needing attention", () => {
  test("come from the dashboard in one call: how many are overdue, the most overdue first, each with its subject, ministry, report and due date", async () => {
    const fake = fakeApi({ dashboard: () => dashboard, listDecisions: () => ({ items: [] }), calendar: () => NOTHING_DUE });
    renderSignedIn(<OverviewView />, { me: ME.secretariat, api: fake });
    const overdue = await screen.findByRole("region", { name: "Overdue (11)" });
    const items = within(overdue).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole("link", { name: "A/HRC/43/15 para. 148.7" })).toHaveAttribute("href", "/requests?report=r1&request=q1");
    expect(items[0]).toHaveTextContent("Ministry of Justice");
    expect(items[0]).toHaveTextContent("Escalated");
    expect(items[0]).toHaveTextContent("Adopt a national action plan on human rights…");
    expect(items[0]).toHaveTextContent("due Nov 12, 2026 (5 days late) · UPR national report, fourth cycle");
    expect(within(items[1]!).getByRole("link", { name: "Question 3" })).toBeInTheDocument();
    expect(items[1]).toHaveTextContent("(1 day late) · Replies to the list of issues (CRC)");
    expect(within(overdue).getByRole("link", { name: "and 9 more: see the requests" })).toHaveAttribute("href", "/requests");

    const soon = screen.getByRole("region", { name: "Due in the next 14 days (1)" });
    expect(within(soon).getByRole("link", { name: "A/HRC/43/15 para. 148.9" })).toBeInTheDocument();
    expect(soon).toHaveTextContent("due today · UPR national report, fourth cycle");
    expect(within(soon).queryByRole("link", { name: /more/ })).toBeNull();

    // The figure counts every overdue request, not the ones listed.
    expect(screen.getByText("Requests overdue").closest(".fui-Card")).toHaveTextContent("11");
    // The dashboard in one call; beside it, what waits for the secretariat's decision, and the calendar.
    expect(fake.calls.map((c) => c.id).sort()).toEqual(["calendar", "dashboard", "listDecisions"]);
    expect(fake.calls.find((c) => c.id === "dashboard")?.input).toMatchObject({ query: { dimension: "ministry", ministryId: undefined } });
    expect(await screen.findByText("Nothing waits for your decision.")).toBeInTheDocument();
  });

  test("say how many rows edited in SharePoint need attention, with a way to them, only when there are any", async () => {
    renderSignedIn(<OverviewView />, { me: ME.secretariat, api: fakeApi({ dashboard: () => ({ ...dashboard, needsAttention: { count: 3, lists: ["recommendations"] } }), listDecisions: () => ({ items: [] }) }) });
    expect(await screen.findByText(/3 rows edited in SharePoint need attention and are left out of these figures\./)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Data needing attention" })).toHaveAttribute("href", expect.stringContaining("/data-quality"));
  });

  test("say nothing about data needing attention when every row can be used", async () => {
    renderSignedIn(<OverviewView />, { me: ME.secretariat, api: fakeApi({ dashboard: () => ({ ...dashboard, needsAttention: { count: 0, lists: ["recommendations"] } }), listDecisions: () => ({ items: [] }) }) });
    await screen.findByText("Nothing waits for your decision.");
    expect(screen.queryByText(/need attention and are left out/)).toBeNull();
  });

  test("list the requests whose card reached nobody, with what to do about each", async () => {
    renderSignedIn(<OverviewView />, { me: ME.secretariat, api: fakeApi({ dashboard: () => dashboard, listDecisions: () => ({ items: [] }), calendar: () => NOTHING_DUE }) });
    const undelivered = await screen.findByRole("region", { name: "Not delivered in Teams (1)" });
    const [item] = within(undelivered).getAllByRole("listitem");
    expect(item).toHaveTextContent("Ministry of Sport");
    expect(item).toHaveTextContent("Not delivered");
    expect(item).toHaveTextContent("The ministry has no technical focal point: name one in Ministries, and the card goes out.");
  });

  test("a focal point of one ministry sees that ministry's, and says so", async () => {
    const fake = fakeApi({ calendar: () => NOTHING_DUE, dashboard: () => ({ ...dashboard, requestsDue: { horizonDays: 14, overdue: { count: 0, items: [] }, dueSoon: { count: 0, items: [] }, undeliverable: { count: 0, items: [] } } }) });
    renderSignedIn(<OverviewView />, { me: ME.focalPoint, api: fake });
    await screen.findByText("Requests to Ministry of Justice.");
    expect(fake.calls.find((c) => c.id === "dashboard")?.input).toMatchObject({ query: { ministryId: "m1" } });
    expect(screen.getByText("No request is overdue.")).toBeInTheDocument();
    expect(screen.getByText("No request is due in the next 14 days.")).toBeInTheDocument();
  });
});

describe("the overview's export", () => {
  test("downloads the figures of the dimension shown as an Excel workbook, in the person's language", async () => {
    const fake = fakeApi({ dashboard: () => dashboard, listDecisions: () => ({ items: [] }), exportDashboard: () => new Blob(["x"]) });
    URL.createObjectURL = jest.fn(() => "blob:export");
    URL.revokeObjectURL = jest.fn();
    let saved = "";
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved = this.download;
    });
    renderSignedIn(<OverviewView />, { me: ME.secretariat, api: fake });
    await screen.findByRole("region", { name: "Overdue (11)" });
    await userEvent.click(screen.getByRole("tab", { name: "By SDG" }));
    await userEvent.click(screen.getByRole("button", { name: "Export" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Excel workbook (.xlsx)" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(fake.calls.find((c) => c.id === "exportDashboard")?.input).toMatchObject({ query: { format: "xlsx", lang: "en", dimension: "sdg" } });
    expect(saved).toMatch(/^Overview figures \d{4}-\d{2}-\d{2}\.xlsx$/);
    click.mockRestore();
  });
});

describe("the overview's follow-up of implementation", () => {
  test("shows the actions by status, those overdue and the indicators off track, each figure under its name", async () => {
    renderSignedIn(<OverviewView />, { me: ME.secretariat, api: fakeApi({ dashboard: () => dashboard, listDecisions: () => ({ items: [] }) }) });
    const region = await screen.findByRole("region", { name: "Follow-up of implementation" });
    const figure = (label: string) => within(region).getByText(label).closest(".fui-Card");
    expect(figure("Actions")).toHaveTextContent("12");
    expect(figure("Under way")).toHaveTextContent("6");
    expect(figure("Actions overdue")).toHaveTextContent("3");
    expect(figure("Actions overdue")).toHaveTextContent("Past their end date and neither done nor dropped.");
    expect(figure("Indicators off track")).toHaveTextContent("5 of 20");
  });
});

describe("the overview's calendar", () => {
  test("lists what is due across visits, communications, reports and consultations, each opening its record, the overdue marked", async () => {
    const calendar: CalendarDto = {
      from: "2026-11-10",
      to: "2027-02-15",
      items: [
        { kind: "communication-reply", date: "2026-11-12", title: "UA SVN 2/2026", source: { list: "communications", id: "c1" }, status: "received", overdue: true },
        { kind: "visit", date: "2026-12-01", endDate: "2026-12-10", title: "Special Rapporteur on the right to education", source: { list: "visits", id: "v1" }, status: "scheduled", overdue: false },
        { kind: "report", date: "2027-01-15", title: "UPR national report, fourth cycle", source: { list: "reports", id: "r1" }, status: "collecting", overdue: false },
      ],
    };
    const fake = fakeApi({ dashboard: () => dashboard, listDecisions: () => ({ items: [] }), calendar: () => calendar });
    renderSignedIn(<OverviewView />, { me: ME.secretariat, api: fake });
    const region = await screen.findByRole("region", { name: "Calendar" });
    const items = await within(region).findAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining("Reply to a communication due · UA SVN 2/2026 Overdue"),
      expect.stringContaining("Visit · Special Rapporteur on the right to education"),
      expect.stringContaining("Report due · UPR national report, fourth cycle"),
    ]);
    expect(within(items[1]!).getByRole("link", { name: "Special Rapporteur on the right to education" })).toHaveAttribute("href", "/visits/v1");
    expect(within(items[2]!).getByRole("link")).toHaveAttribute("href", "/reports/r1");
    const query = fake.calls.find((c) => c.id === "calendar")?.input as { query: { from: string; to: string } };
    expect(query.query.from < query.query.to).toBe(true);
  });

  test("says when nothing is due", async () => {
    renderSignedIn(<OverviewView />, { me: ME.observer, api: fakeApi({ dashboard: () => dashboard, calendar: () => NOTHING_DUE }) });
    expect(await screen.findByText("Nothing is due in this period.")).toBeInTheDocument();
  });
});
