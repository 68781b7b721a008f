import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CommunicationDto, VisitDto, VisitViewDto } from "../../../../core/api";
import { ApiProblem } from "../../api/client";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../../testing/session";
import VisitsView from "./VisitsView";

const visit: VisitDto = {
  id: "v1",
  eTag: "e1",
  mandate: "Special Rapporteur on the right to education",
  holder: "Farida Shaheed",
  body: "special-procedure",
  requestedOn: "2026-01-12",
  requestedFrom: "2026-05-11",
  requestedTo: "2026-05-22",
  status: "scheduled",
  agreedFrom: "2026-06-01",
  agreedTo: "2026-06-10",
  programme: [
    { key: "meeting-2", date: "2026-06-03", with: "Ombudsman", ministryIds: [], role: "brief" },
    { key: "meeting-1", date: "2026-06-02", startTime: "09:30", endTime: "11:00", place: "Ministry of Justice, Ljubljana", with: "Minister of Justice", ministryIds: ["m1"], role: "host" },
  ],
  checklist: [{ key: "send-reply", doneAt: "2026-02-02T10:00:00.000Z", doneBy: "u-sec", doneByName: "Maja Novak" }, { key: "draft-programme" }, { key: "book-interpreters", title: "Book interpreters" }],
  timeZone: "Europe/Ljubljana",
  createdAt: "2026-01-12T08:00:00.000Z",
  createdBy: "u-sec",
};
const communication: CommunicationDto = { id: "c1", eTag: "e", reference: "UA SVN 2/2026", kind: "urgent-appeal", mandates: ["Special Rapporteur on torture"], receivedOn: "2026-03-01", replyDueDate: "2026-03-08", status: "received", timeZone: "UTC", createdAt: "2026-03-01T08:00:00.000Z", createdBy: "u-sec" };
const view: VisitViewDto = { visit, followUp: { recommendations: [], byStatus: {}, unassigned: 0 } };

beforeAll(stubLayout);

describe("visits and communications", () => {
  beforeEach(() => window.history.replaceState(null, "", "/visits"));

  test("lists the visits with their status, dates and checklist, and the communications with the reply due, overdue marked", async () => {
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fakeApi({ listVisits: () => ({ items: [visit] }), listCommunications: () => ({ items: [communication] }) }) });
    const visits = await screen.findByRole("table", { name: "Visits" });
    const [row] = within(visits).getAllByRole("row").slice(1);
    expect(within(row!).getByRole("link", { name: "Special Rapporteur on the right to education" })).toHaveAttribute("href", "/visits/v1");
    expect(row).toHaveTextContent("Dates agreed");
    expect(row).toHaveTextContent("1 of 3 steps done");
    const communications = await screen.findByRole("table", { name: "Communications" });
    const [letter] = within(communications).getAllByRole("row").slice(1);
    expect(letter).toHaveTextContent("UA SVN 2/2026");
    expect(letter).toHaveTextContent("Urgent appeal");
    expect(letter).toHaveTextContent("Overdue");
    expect(letter).toHaveTextContent("Reply to send");
  });
});

describe("a visit", () => {
  beforeEach(() => window.history.replaceState(null, "", "/visits/v1"));

  test("shows its checklist, the standard steps in words and the secretariat's own, and the programme in order with the ministries asked", async () => {
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fakeApi({ getVisit: () => view }) });
    expect(await screen.findByRole("heading", { name: "Special Rapporteur on the right to education" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Send the State's reply" })).toBeChecked();
    expect(screen.getByText(/Done by Maja Novak/)).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Draft the programme with the mandate holder" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Book interpreters" })).toBeInTheDocument();
    const rows = within(screen.getByRole("table", { name: "Programme of the visit" })).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent("Minister of Justice");
    expect(rows[0]).toHaveTextContent("09:30–11:00");
    expect(rows[0]).toHaveTextContent("Ministry of Justice (hosts)");
    expect(rows[1]).toHaveTextContent("Ombudsman");
  });

  test("the secretariat ticks a step: it is saved with the visit's eTag and shown done", async () => {
    const fake = fakeApi({
      getVisit: () => view,
      tickVisitStep: ({ body }) => {
        const { step } = body as { step: string };
        return { ...visit, eTag: "e2", checklist: visit.checklist.map((s) => (s.key === step ? { ...s, doneAt: "2026-03-01T09:00:00.000Z", doneBy: "u-sec", doneByName: "Maja Novak" } : s)) };
      },
    });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    const step = await screen.findByRole("checkbox", { name: "Draft the programme with the mandate holder" });
    await userEvent.click(step);
    expect(await screen.findByRole("checkbox", { name: "Draft the programme with the mandate holder" })).toBeChecked();
    expect(fake.calls.find((c) => c.id === "tickVisitStep")?.input).toMatchObject({ params: { id: "v1" }, body: { eTag: "e1", step: "draft-programme", done: true } });
    expect(screen.getByRole("heading", { name: /2 of 3 steps done/ })).toBeInTheDocument();
  });

  test("a stale view is told and the step stays as it was", async () => {
    const fake = fakeApi({
      getVisit: () => view,
      tickVisitStep: () => {
        throw new ApiProblem("concurrency", "Someone changed this visit meanwhile: reload it.", 412);
      },
    });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("checkbox", { name: "Draft the programme with the mandate holder" }));
    expect(await screen.findByText("Someone changed this visit meanwhile: reload it.")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Draft the programme with the mandate holder" })).not.toBeChecked();
  });

  test("the chair reads the checklist but cannot tick it", async () => {
    renderSignedIn(<VisitsView />, { me: ME.chair, api: fakeApi({ getVisit: () => view }) });
    expect(await screen.findByRole("checkbox", { name: "Send the State's reply" })).toBeDisabled();
  });
});
