import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { DecisionItemDto } from "../../../../core/api";
import { fakeApi, ME, renderSignedIn } from "../../testing/session";
import { DecisionsInbox } from "./DecisionsInbox";

const base = { eTag: "e1", reportId: "r1", ministryRole: "lead" as const, ask: "What was done?", createdBy: "u-sec", notices: [], subject: { kind: "recommendation" as const, recommendationId: "7" }, recommendationId: "7", subjectReference: { documentSymbol: "A/HRC/43/15", paragraph: "148.7" }, subjectText: "Adopt a national action plan…" };
const moreTime: DecisionItemDto = { ...base, id: "q1", key: "r1|rec:7|m1", ministryId: "m1", dueDate: "2026-11-20", status: "seen", latestVersion: 0, moreTimeRequestedUntil: "2026-12-15", moreTimeReason: "Statistics come in December", decisions: ["more-time"] };
const declined: DecisionItemDto = { ...base, id: "q2", key: "r1|rec:8|m1", subject: { kind: "recommendation", recommendationId: "8" }, recommendationId: "8", subjectReference: { documentSymbol: "A/HRC/43/15", paragraph: "148.8" }, ministryId: "m1", dueDate: "2026-11-21", status: "declined", latestVersion: 0, declinedReason: "Health leads on this", decisions: ["declined"] };
const answered: DecisionItemDto = { ...base, id: "q3", key: "r1|rec:9|m2", subject: { kind: "recommendation", recommendationId: "9" }, recommendationId: "9", subjectReference: { documentSymbol: "A/HRC/43/15", paragraph: "148.9" }, ministryId: "m2", dueDate: "2026-11-22", status: "answered", latestVersion: 2, decisions: ["answer-to-review"] };

function setUp() {
  const api = fakeApi({
    listDecisions: () => ({ items: [moreTime, declined, answered] }),
    decideRequest: ({ params, body }) => {
      const { decision } = body as { decision: { decision: string; until?: string } };
      const item = [moreTime, declined, answered].find((r) => r.id === params?.id)!;
      const { decisions: _d, ...request } = item;
      if (decision.decision === "grant-more-time") return { request: { ...request, eTag: "e2", status: "extended", dueDate: decision.until!, moreTimeRequestedUntil: undefined, moreTimeReason: undefined } };
      if (decision.decision === "reassign") return { request: { ...request, eTag: "e2", status: "closed" }, reassignedTo: { ...request, id: "q9", ministryId: "m2", status: "queued" } };
      if (decision.decision === "return-answer") return { request: { ...request, eTag: "e2", status: "seen", revisionComment: "x" } };
      return { request: { ...request, eTag: "e2", acceptedVersion: 2 } };
    },
  });
  renderSignedIn(<DecisionsInbox />, { me: ME.secretariat, api });
  return api;
}

describe("what waits for the secretariat's decision", () => {
  test("an ask for more time is granted in one click, with the date asked filled in", async () => {
    const api = setUp();
    const list = await screen.findByRole("list", { name: "Waiting for you" });
    expect(screen.getByRole("heading", { name: "Waiting for you (3)" })).toBeInTheDocument();
    const item = within(list).getByRole("listitem", { name: "A/HRC/43/15 para. 148.7 · Ministry of Justice" });
    expect(within(item).getByText("More time asked")).toBeInTheDocument();
    expect(within(item).getByText("Statistics come in December")).toBeInTheDocument();
    expect(within(item).getByLabelText("New due date")).toHaveValue("2026-12-15");
    await userEvent.click(within(item).getByRole("button", { name: "Grant" }));
    expect(await screen.findByText(/More time granted, until Dec 15, 2026/)).toBeInTheDocument();
    expect(api.calls.find((c) => c.id === "decideRequest")?.input).toMatchObject({ params: { id: "q1" }, body: { eTag: "e1", decision: { decision: "grant-more-time", until: "2026-12-15" } } });
    expect(screen.queryByRole("listitem", { name: /148\.7/ })).toBeNull();
    expect(screen.getByRole("heading", { name: "Waiting for you (2)" })).toBeInTheDocument();
  });

  test("a decline is moved to another ministry", async () => {
    const api = setUp();
    const item = await screen.findByRole("listitem", { name: "A/HRC/43/15 para. 148.8 · Ministry of Justice" });
    expect(within(item).getByText("Health leads on this")).toBeInTheDocument();
    await userEvent.click(within(item).getByRole("combobox", { name: "Move to" }));
    await userEvent.click(await screen.findByRole("option", { name: "Ministry of Health" }));
    await userEvent.click(within(item).getByRole("button", { name: "Move" }));
    expect(await screen.findByText(/Moved to the Ministry of Health/)).toBeInTheDocument();
    expect(api.calls.find((c) => c.id === "decideRequest")?.input).toMatchObject({ body: { decision: { decision: "reassign", ministryId: "m2" } } });
  });

  test("an answer goes back for revision only with a comment", async () => {
    const api = setUp();
    const item = await screen.findByRole("listitem", { name: "A/HRC/43/15 para. 148.9 · Ministry of Health" });
    expect(within(item).getByText("Answer version 2 came in.")).toBeInTheDocument();
    await userEvent.click(within(item).getByRole("button", { name: "Return for revision…" }));
    const send = within(item).getByRole("button", { name: "Send back" });
    expect(send).toBeDisabled();
    await userEvent.type(within(item).getByLabelText("What to revise"), "Give the budget");
    await userEvent.click(send);
    expect(await screen.findByText(/Answer sent back for revision/)).toBeInTheDocument();
    expect(api.calls.find((c) => c.id === "decideRequest")?.input).toMatchObject({ body: { decision: { decision: "return-answer", comment: "Give the budget" } } });
  });
});
