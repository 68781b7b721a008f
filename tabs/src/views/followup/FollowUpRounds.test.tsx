import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FollowUpRoundDto, FollowUpScheduleDto, ReadableActionDto, StartRoundResultDto } from "../../../../core/api/followup";
import { ApiProblem } from "../../api/client";
import { fakeApi, ME, renderSignedIn, stubLayout, type Handlers } from "../../testing/session";
import ActionsView from "./ActionsView";

beforeAll(stubLayout);

const action = (id: string, title: string, leadMinistryId = "m1"): ReadableActionDto => ({
  id,
  eTag: "e",
  title,
  recommendationIds: ["7"],
  leadMinistryId,
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
});

const round = (fields: Partial<FollowUpRoundDto> = {}): FollowUpRoundDto => ({
  id: "r1",
  eTag: "e",
  key: "mechanism:UPR#2026 q1",
  title: "2026 Q1",
  mechanism: "UPR",
  dueDate: "2026-03-31",
  startedAt: "2026-03-10T09:00:00.000Z",
  startedBy: "u-sec",
  startedByName: "Maja Novak",
  ...fields,
});

const uprSchedule: FollowUpScheduleDto = {
  id: "s1",
  eTag: "e",
  key: "mechanism:UPR",
  mechanism: "UPR",
  everyMonths: 3,
  firstDueDate: "2026-06-30",
  startDaysBefore: 21,
  active: true,
  updatedAt: "2026-03-01T09:00:00.000Z",
  updatedBy: "u-sec",
  updatedByName: "Maja Novak",
};

/** The Actions view with the secretariat's follow-up rounds around it. */
function secretariatApi(handlers: Handlers = {}) {
  return fakeApi({
    listActions: ({ query }) => ({ items: [action("a1", "Juvenile justice reform"), action("a2", "Youth clinics", "m2"), action("a3", "Mobile clinics", "m2")].filter((a) => !query?.ministryId || a.leadMinistryId === query.ministryId), total: 3 }),
    listFollowUpRounds: () => ({ items: [round()] }),
    listFollowUpSchedules: () => ({ items: [uprSchedule] }),
    listReports: () => ({ items: [] }),
    ...handlers,
  });
}

async function openRounds() {
  await userEvent.click(await screen.findByRole("tab", { name: "Follow-up rounds" }));
}

describe("the follow-up rounds, in the Actions view", () => {
  test("lists the rounds started: title, mechanism, due date, who started it", async () => {
    renderSignedIn(<ActionsView />, { me: ME.secretariat, api: secretariatApi() });
    await openRounds();
    const table = await screen.findByRole("table", { name: "Rounds started" });
    const [row] = within(table).getAllByRole("row").slice(1);
    expect(row).toHaveTextContent("2026 Q1");
    expect(row).toHaveTextContent("Universal Periodic Review");
    expect(row).toHaveTextContent("Maja Novak");
    expect(row).toHaveTextContent("Mar 31, 2026");
  });

  test("starting a round shows the cards queued, those queued already, and the actions nobody was asked about with what to do", async () => {
    const result: StartRoundResultDto = { round: round({ id: "r2", title: "2026 Q2", dueDate: "2026-06-30" }), actions: 6, queued: 3, alreadyQueued: 1, unaddressed: [{ actionId: "a2", ministryId: "m2" }, { actionId: "a3", ministryId: "m2" }] };
    const api = secretariatApi({ startFollowUpRound: () => result });
    renderSignedIn(<ActionsView />, { me: ME.secretariat, api });
    await openRounds();
    await userEvent.click(await screen.findByRole("button", { name: "Start a round" }));
    const dialog = await screen.findByRole("dialog", { name: "Start a follow-up round" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Title/ }), "2026 Q2");
    const due = within(dialog).getByLabelText(/Report by/);
    await userEvent.clear(due);
    await userEvent.type(due, "2026-06-30");
    await userEvent.click(within(dialog).getByRole("button", { name: "Start the round" }));

    // The result replaces the form's dialog; on a busy machine Fluent may still be hiding the page
    // behind the closing one, so the result is looked for hidden or not.
    const done = await screen.findByRole("dialog", { name: "Round “2026 Q2” started", hidden: true });
    expect(api.calls.find((c) => c.id === "startFollowUpRound")?.input).toEqual({ body: { title: "2026 Q2", mechanism: "UPR", dueDate: "2026-06-30" } });
    expect(done).toHaveTextContent("6 actions are asked about.");
    expect(done).toHaveTextContent("3 cards are on their way to Teams.");
    expect(done).toHaveTextContent("1 card was already on its way");
    expect(done).toHaveTextContent("Nobody was asked about 2 actions");
    const unaddressed = await within(done).findByRole("list", { name: /Actions nobody was asked about/, hidden: true });
    expect(unaddressed).toHaveTextContent("Ministry of Health");
    expect(await within(unaddressed).findByText("Youth clinics")).toBeInTheDocument();
    expect(within(unaddressed).getByText("Mobile clinics")).toBeInTheDocument();
    expect(await within(done).findByRole("link", { name: /Name the technical focal points/, hidden: true })).toHaveAttribute("href", expect.stringContaining("/ministries"));

    await userEvent.click(await within(done).findByRole("button", { name: "Close", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    // The list of rounds is read again, with the round just started.
    await waitFor(() => expect(api.calls.filter((c) => c.id === "listFollowUpRounds").length).toBeGreaterThanOrEqual(2));
  });

  test("a round the server refuses says why, beside the field and under the fields, and keeps what was typed", async () => {
    const api = secretariatApi({
      startFollowUpRound: () => {
        throw new ApiProblem("validation", "The follow-up round is not valid", 400, [{ path: "body.title", message: "at most 255 characters" }]);
      },
    });
    renderSignedIn(<ActionsView />, { me: ME.secretariat, api });
    await openRounds();
    await userEvent.click(await screen.findByRole("button", { name: "Start a round" }));
    const dialog = await screen.findByRole("dialog", { name: "Start a follow-up round" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Title/ }), "Before the mid-term report");
    await userEvent.click(within(dialog).getByRole("radio", { name: "A mechanism" }));
    await userEvent.click(within(dialog).getByRole("combobox", { name: /Mechanism/ }));
    await userEvent.click(screen.getByRole("option", { name: "Committee on the Rights of the Child" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Start the round" }));

    expect(await within(dialog).findAllByText("at most 255 characters")).toHaveLength(2);
    expect(within(dialog).getByText(/The follow-up round is not valid/)).toBeInTheDocument();
    expect(screen.getByRole("dialog", { name: "Start a follow-up round" })).toBeInTheDocument();
    expect(within(dialog).getByRole("textbox", { name: /Title/ })).toHaveValue("Before the mid-term report");
    expect(within(dialog).getByRole("combobox", { name: /Mechanism/ })).toHaveTextContent("Committee on the Rights of the Child");
    expect(api.calls.find((c) => c.id === "startFollowUpRound")?.input).toMatchObject({ body: { mechanism: "CRC" } });
  });

  test("setting a schedule sends the mechanism, every how many months, the first due date and the days before; pausing one sends it paused", async () => {
    const api = secretariatApi({ setFollowUpSchedule: ({ body }) => {
        const { mechanism } = body as { mechanism: string };
        return { ...uprSchedule, id: `s-${mechanism}`, key: `mechanism:${mechanism}`, ...(body as object) } as FollowUpScheduleDto;
      } });
    renderSignedIn(<ActionsView />, { me: ME.secretariat, api });
    await openRounds();
    const table = await screen.findByRole("table", { name: "Schedules" });
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent(/Universal Periodic Review.*Every 3 months.*Jun 30, 2026.*21 days before the due date.*Active/);

    await userEvent.click(screen.getByRole("button", { name: "Set a schedule" }));
    const dialog = await screen.findByRole("dialog", { name: "A mechanism's follow-up schedule" });
    await userEvent.click(within(dialog).getByRole("combobox", { name: /Mechanism/ }));
    await userEvent.click(screen.getByRole("option", { name: "Committee on the Rights of the Child" }));
    const every = within(dialog).getByRole("textbox", { name: /Every how many months/ });
    await userEvent.clear(every);
    await userEvent.type(every, "6");
    await userEvent.type(within(dialog).getByLabelText(/First round due on/), "2026-09-30");
    const before = within(dialog).getByRole("textbox", { name: /Start each round/ });
    await userEvent.clear(before);
    await userEvent.type(before, "30");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save the schedule" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(api.calls.find((c) => c.id === "setFollowUpSchedule")?.input).toEqual({ body: { mechanism: "CRC", everyMonths: 6, firstDueDate: "2026-09-30", startDaysBefore: 30, active: true } });
    // The dialog gives the page back to assistive technologies a moment after it closes.
    expect(await within(table).findByRole("row", { name: /Committee on the Rights of the Child/ })).toHaveTextContent("Every 6 months");

    await userEvent.click(within(table).getByRole("button", { name: "Pause the schedule of Universal Periodic Review" }));
    await waitFor(() => expect(api.calls.at(-1)).toEqual({ id: "setFollowUpSchedule", input: { body: { mechanism: "UPR", everyMonths: 3, firstDueDate: "2026-06-30", startDaysBefore: 21, active: false } } }));
    expect(await within(table).findByRole("button", { name: "Resume the schedule of Universal Periodic Review" })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Universal Periodic Review/ })).toHaveTextContent("Paused");
  });

  test("a schedule the server refuses says why beside the field and keeps the dialog open", async () => {
    const api = secretariatApi({
      setFollowUpSchedule: () => {
        throw new ApiProblem("validation", "The follow-up schedule is not valid", 400, [{ path: "body.everyMonths", message: "a whole number of months" }]);
      },
    });
    renderSignedIn(<ActionsView />, { me: ME.secretariat, api });
    await openRounds();
    await within(await screen.findByRole("table", { name: "Schedules" })).findByRole("button", { name: "Change the schedule of Universal Periodic Review" }).then((button) => userEvent.click(button));
    const dialog = await screen.findByRole("dialog", { name: "A mechanism's follow-up schedule" });
    const every = within(dialog).getByRole("textbox", { name: /Every how many months/ });
    expect(every).toHaveValue("3");
    await userEvent.clear(every);
    await userEvent.type(every, "2.5");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save the schedule" }));

    expect(await within(dialog).findAllByText("a whole number of months")).toHaveLength(2);
    expect(api.calls.find((c) => c.id === "setFollowUpSchedule")?.input).toMatchObject({ body: { mechanism: "UPR", everyMonths: 2.5 } });
    expect(within(dialog).getByRole("textbox", { name: /Every how many months/ })).toHaveValue("2.5");
  });

  test("someone other than the secretariat sees the actions, not the rounds", async () => {
    const api = fakeApi({ listActions: () => ({ items: [action("a1", "Juvenile justice reform")], total: 1 }) });
    renderSignedIn(<ActionsView />, { me: ME.focalPoint, api });
    expect(await screen.findByRole("table", { name: "Actions" })).toHaveTextContent("Juvenile justice reform");
    expect(screen.queryByRole("tab", { name: "Follow-up rounds" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Start a round" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Set a schedule" })).toBeNull();
    expect(api.calls.map((c) => c.id)).not.toContain("listFollowUpRounds");
  });
});
