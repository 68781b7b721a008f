import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ListedCommunicationDto, VisitDto, VisitViewDto } from "../../../../core/api";
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
const communication: ListedCommunicationDto = { id: "c1", eTag: "e", reference: "UA SVN 2/2026", kind: "urgent-appeal", mandates: ["Special Rapporteur on torture"], receivedOn: "2026-03-01", replyDueDate: "2026-03-08", status: "received", reportId: "rep-c1", timeZone: "UTC", createdAt: "2026-03-01T08:00:00.000Z", createdBy: "u-sec" };
const view: VisitViewDto = { visit, followUp: { recommendations: [], byStatus: {}, unassigned: 0 } };
const requested: VisitDto = { ...visit, status: "requested", agreedFrom: undefined, agreedTo: undefined, programme: [] };

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
    // No approved draft of the reply yet: nothing to record as sent.
    expect(letter).toHaveTextContent("Awaiting the chair’s approval of the reply");
    expect(within(letter!).queryByRole("button", { name: "Reply sent" })).not.toBeInTheDocument();
  });

  test("the secretariat records a visit request: the body says what was typed, and the list is read again", async () => {
    let recorded: VisitDto[] = [];
    const fake = fakeApi({
      listVisits: () => ({ items: recorded }),
      listCommunications: () => ({ items: [] }),
      recordVisit: () => {
        recorded = [{ ...visit, id: "v2", status: "requested", agreedFrom: undefined, agreedTo: undefined, mandate: "Special Rapporteur on the right to food" }];
        return recorded[0]!;
      },
    });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Record a visit request" }));
    const dialog = await screen.findByRole("dialog", { name: "Record a visit request" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: /^Mandate(?! holder)/ }), "Special Rapporteur on the right to food");
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Mandate holder/ }), "Michael Fakhri");
    const requestedOn = within(dialog).getByLabelText(/Request received/);
    await userEvent.clear(requestedOn);
    await userEvent.type(requestedOn, "2026-02-03");
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Reference of the request/ }), "SR/FOOD/2026/1");
    await userEvent.type(within(dialog).getByLabelText(/First day asked for/), "2026-09-07");
    await userEvent.type(within(dialog).getByLabelText(/Last day asked for/), "2026-09-18");
    await userEvent.click(within(dialog).getByRole("button", { name: "Record the request" }));

    await waitFor(() => expect(fake.calls.filter((c) => c.id === "listVisits")).toHaveLength(2));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // The dialog's modal layer lingers in jsdom after it closes: the page is read by its text.
    expect(await screen.findByText("Special Rapporteur on the right to food")).toBeInTheDocument();
    expect(fake.calls.find((c) => c.id === "recordVisit")?.input).toEqual({
      body: { mandate: "Special Rapporteur on the right to food", holder: "Michael Fakhri", body: "special-procedure", requestedOn: "2026-02-03", requestReference: "SR/FOOD/2026/1", requestedFrom: "2026-09-07", requestedTo: "2026-09-18", timeZone: "UTC" },
    });
  });

  test("the secretariat records a communication, one mandate a line; the reply's due day is left to the server when empty", async () => {
    const fake = fakeApi({ listVisits: () => ({ items: [] }), listCommunications: () => ({ items: [] }), receiveCommunication: () => ({ ...communication, id: "c2" }) });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Record a communication" }));
    const dialog = await screen.findByRole("dialog", { name: "Record a communication" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Reference/ }), "AL SVN 1/2026");
    await userEvent.click(within(dialog).getByRole("combobox", { name: /Kind/ }));
    await userEvent.click(await screen.findByRole("option", { name: "Urgent appeal" }));
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Mandates that signed it/ }), "Special Rapporteur on torture{Enter}{Enter}Working Group on Arbitrary Detention");
    const received = within(dialog).getByLabelText(/Received/);
    await userEvent.clear(received);
    await userEvent.type(received, "2026-03-02");
    expect(dialog).toHaveTextContent("the reply is due 60 days after the letter arrived: May 1, 2026");
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Summary/ }), "Detention of a journalist");
    await userEvent.click(within(dialog).getByRole("button", { name: "Record the communication" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(fake.calls.find((c) => c.id === "receiveCommunication")?.input).toEqual({
      body: { reference: "AL SVN 1/2026", kind: "urgent-appeal", mandates: ["Special Rapporteur on torture", "Working Group on Arbitrary Detention"], receivedOn: "2026-03-02", summary: "Detention of a journalist", timeZone: "UTC" },
    });
    expect(fake.calls.filter((c) => c.id === "listCommunications")).toHaveLength(2);
  });

  test("once the chair approved a draft of the reply, the secretariat records the day it was sent, and the list is read again", async () => {
    let listed: ListedCommunicationDto[] = [{ ...communication, approvedReply: { draftId: "d3", version: 3 } }];
    const fake = fakeApi({
      listVisits: () => ({ items: [] }),
      listCommunications: () => ({ items: listed }),
      recordReplySent: () => {
        listed = [{ ...communication, status: "replied", sentOn: "2026-03-07", sentDraftId: "d3" }];
        return listed[0]!;
      },
    });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    const table = await screen.findByRole("table", { name: "Communications" });
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent("The chair approved the reply (version 3)");
    await userEvent.click(within(table).getByRole("button", { name: "Reply sent" }));
    const dialog = await screen.findByRole("dialog", { name: "Reply to UA SVN 2/2026 sent" });
    const on = within(dialog).getByLabelText(/Day it was sent/);
    await userEvent.clear(on);
    await userEvent.type(on, "2026-03-07");
    await userEvent.click(within(dialog).getByRole("button", { name: "Record the reply sent" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(fake.calls.find((c) => c.id === "recordReplySent")?.input).toEqual({ params: { id: "c1" }, body: { eTag: "e", on: "2026-03-07" } });
    expect(await within(table).findByText("Reply sent on Mar 7, 2026")).toBeInTheDocument();
    expect(within(table).queryByRole("button", { name: "Reply sent" })).not.toBeInTheDocument();
  });

  test("a reply the server refuses to record (the approval was withdrawn meanwhile) shows the reason and the dialog keeps the day", async () => {
    const fake = fakeApi({
      listVisits: () => ({ items: [] }),
      listCommunications: () => ({ items: [{ ...communication, approvedReply: { draftId: "d3", version: 3 } }] }),
      recordReplySent: () => {
        throw new ApiProblem("invalid_state", "The chair has not approved a reply to UA SVN 2/2026 yet: compile the draft and send it for approval first", 409);
      },
    });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Reply sent" }));
    const dialog = await screen.findByRole("dialog", { name: "Reply to UA SVN 2/2026 sent" });
    const on = within(dialog).getByLabelText(/Day it was sent/);
    await userEvent.clear(on);
    await userEvent.type(on, "2026-03-07");
    await userEvent.click(within(dialog).getByRole("button", { name: "Record the reply sent" }));

    expect(await within(dialog).findByText(/The chair has not approved a reply to UA SVN 2\/2026 yet/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Day it was sent/)).toHaveValue("2026-03-07");
    expect(fake.calls.find((c) => c.id === "recordReplySent")?.input).toEqual({ params: { id: "c1" }, body: { eTag: "e", on: "2026-03-07" } });
  });

  test("the secretariat asks ministries for input to a reply: the body names them, the ask and the day; the page says how many were asked", async () => {
    const fake = fakeApi({
      listVisits: () => ({ items: [] }),
      listCommunications: () => ({ items: [communication] }),
      askAboutCommunication: () => ({ created: [{}] as never, alreadyExisting: 1, skipped: [], unaddressed: [] }),
    });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Ask ministries about UA SVN 2/2026" }));
    const dialog = await screen.findByRole("dialog", { name: "Ask ministries for input to the reply to UA SVN 2/2026" });
    const send = within(dialog).getByRole("button", { name: "Send the requests" });
    expect(send).toBeDisabled();
    await userEvent.click(within(dialog).getByRole("combobox", { name: /Ministries asked/ }));
    await userEvent.click(await screen.findByRole("menuitemcheckbox", { name: "Ministry of Health" }));
    await userEvent.click(screen.getByRole("menuitemcheckbox", { name: "Ministry of Justice" }));
    await userEvent.keyboard("{Escape}");
    await userEvent.type(within(dialog).getByRole("textbox", { name: /What you ask them/ }), "Was the journalist detained, and on what grounds?");
    const due = within(dialog).getByLabelText(/Input due on/);
    expect(dialog).toHaveTextContent("On or before the reply is due (Mar 8, 2026).");
    await userEvent.clear(due);
    await userEvent.type(due, "2026-03-06");
    await userEvent.click(send);

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const input = fake.calls.find((c) => c.id === "askAboutCommunication")?.input as { params: unknown; body: { ministryIds: string[]; ask: string; dueDate: string } };
    expect(input.params).toEqual({ id: "c1" });
    expect({ ...input.body, ministryIds: [...input.body.ministryIds].sort() }).toEqual({ ministryIds: ["m1", "m2"], ask: "Was the journalist detained, and on what grounds?", dueDate: "2026-03-06" });
    expect(await screen.findByText("1 ministry asked about UA SVN 2/2026. 1 was already asked.")).toBeInTheDocument();
  });

  test("an ask the server refuses (the reply was sent meanwhile) shows why and keeps what was typed; a day after the reply is not sent", async () => {
    const fake = fakeApi({
      listVisits: () => ({ items: [] }),
      listCommunications: () => ({ items: [communication] }),
      askAboutCommunication: () => {
        throw new ApiProblem("invalid_state", "The reply to UA SVN 2/2026 was sent on 2026-03-07: it takes no more input", 409);
      },
    });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Ask ministries about UA SVN 2/2026" }));
    const dialog = await screen.findByRole("dialog", { name: "Ask ministries for input to the reply to UA SVN 2/2026" });
    await userEvent.click(within(dialog).getByRole("combobox", { name: /Ministries asked/ }));
    await userEvent.click(await screen.findByRole("menuitemcheckbox", { name: "Ministry of Justice" }));
    await userEvent.keyboard("{Escape}");
    await userEvent.type(within(dialog).getByRole("textbox", { name: /What you ask them/ }), "Facts?");
    const due = within(dialog).getByLabelText(/Input due on/);
    // The field stops at the reply's day: the form is not sent with a day after it.
    await userEvent.clear(due);
    await userEvent.type(due, "2026-03-20");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send the requests" }));
    expect(fake.calls.some((c) => c.id === "askAboutCommunication")).toBe(false);
    await userEvent.clear(due);
    await userEvent.type(due, "2026-03-06");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send the requests" }));

    expect(await within(dialog).findByText(/it takes no more input/)).toBeInTheDocument();
    expect(within(dialog).getByRole("textbox", { name: /What you ask them/ })).toHaveValue("Facts?");
    expect(within(dialog).getByLabelText(/Input due on/)).toHaveValue("2026-03-06");
  });

  test("the chair reads the lists but records nothing", async () => {
    renderSignedIn(<VisitsView />, { me: ME.chair, api: fakeApi({ listVisits: () => ({ items: [visit] }), listCommunications: () => ({ items: [communication] }) }) });
    await screen.findByRole("table", { name: "Communications" });
    expect(screen.queryByRole("button", { name: "Record a visit request" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Record a communication" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Reply sent" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Ask ministries about UA SVN 2/2026" })).not.toBeInTheDocument();
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

  test("the chair reads the checklist but cannot tick it, nor reply, nor agree dates", async () => {
    renderSignedIn(<VisitsView />, { me: ME.chair, api: fakeApi({ getVisit: () => ({ visit: requested, followUp: view.followUp }) }) });
    expect(await screen.findByRole("checkbox", { name: "Send the State's reply" })).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Reply" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Agree the dates" })).not.toBeInTheDocument();
  });

  test("the secretariat records the State's reply proposing other dates, with the visit's eTag; the visit is read again", async () => {
    let current = requested;
    const fake = fakeApi({
      getVisit: () => ({ visit: current, followUp: view.followUp }),
      replyToVisit: () => {
        current = { ...requested, eTag: "e2", status: "dates-proposed", reply: "propose-dates", proposedFrom: "2026-10-05", proposedTo: "2026-10-16" };
        return current;
      },
    });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    expect(screen.queryByRole("button", { name: "Agree the dates" })).not.toBeInTheDocument();
    await userEvent.click(await screen.findByRole("button", { name: "Reply" }));
    const dialog = await screen.findByRole("dialog", { name: "The State's reply" });
    await userEvent.click(within(dialog).getByRole("radio", { name: "Proposes other dates" }));
    await userEvent.type(within(dialog).getByLabelText(/First day proposed/), "2026-10-05");
    await userEvent.type(within(dialog).getByLabelText(/Last day proposed/), "2026-10-16");
    const on = within(dialog).getByLabelText(/Day of the reply/);
    await userEvent.clear(on);
    await userEvent.type(on, "2026-02-20");
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Note/ }), "The autumn suits the ministries better");
    await userEvent.click(within(dialog).getByRole("button", { name: "Record the reply" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(await screen.findByText("Other dates proposed")).toBeInTheDocument();
    expect(fake.calls.find((c) => c.id === "replyToVisit")?.input).toEqual({
      params: { id: "v1" },
      body: { eTag: "e1", reply: "propose-dates", on: "2026-02-20", note: "The autumn suits the ministries better", proposedFrom: "2026-10-05", proposedTo: "2026-10-16" },
    });
    expect(fake.calls.filter((c) => c.id === "getVisit")).toHaveLength(2);
    expect(screen.getByText("Agree the dates")).toBeInTheDocument();
  });

  test("dates the server refuses are told, the failing field named, and the dialog keeps what was typed", async () => {
    const fake = fakeApi({
      getVisit: () => view,
      agreeVisitDates: () => {
        throw new ApiProblem("validation", "The meetings meeting-1 fall outside the dates agreed", 400, [{ path: "from", message: "on or before 2026-06-02, the first meeting" }]);
      },
    });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Agree the dates" }));
    const dialog = await screen.findByRole("dialog", { name: "Agree the dates" });
    const from = within(dialog).getByLabelText(/First day of the visit/);
    expect(from).toHaveValue("2026-06-01");
    await userEvent.clear(from);
    await userEvent.type(from, "2026-06-05");
    await userEvent.click(within(dialog).getByRole("button", { name: "Record the dates" }));

    expect(await within(dialog).findByText(/The meetings meeting-1 fall outside the dates agreed/)).toBeInTheDocument();
    expect(within(dialog).getAllByText("on or before 2026-06-02, the first meeting").length).toBeGreaterThan(0);
    expect(within(dialog).getByLabelText(/First day of the visit/)).toHaveValue("2026-06-05");
    expect(fake.calls.find((c) => c.id === "agreeVisitDates")?.input).toEqual({ params: { id: "v1" }, body: { eTag: "e1", from: "2026-06-05", to: "2026-06-10" } });
  });

  test("a stale visit is told in the reply's dialog", async () => {
    const fake = fakeApi({
      getVisit: () => ({ visit: requested, followUp: view.followUp }),
      replyToVisit: () => {
        throw new ApiProblem("concurrency", "Someone changed this visit meanwhile: reload it.", 412);
      },
    });
    renderSignedIn(<VisitsView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Reply" }));
    const dialog = await screen.findByRole("dialog", { name: "The State's reply" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Record the reply" }));
    expect(await within(dialog).findByText("Someone changed this visit meanwhile: reload it.")).toBeInTheDocument();
  });
});
