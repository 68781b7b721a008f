import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActionViewDto, ProgressUpdateDto } from "../../../../core/api/followup";
import { fakeApi, ME, renderSignedIn, stubLayout } from "../../testing/session";
import { RecommendationFollowUp } from "./RecommendationFollowUp";

beforeAll(stubLayout);

const update = (version: number, fields: Partial<ProgressUpdateDto>): ProgressUpdateDto => ({
  id: `u${version}`,
  eTag: "e",
  key: `a1#${version}`,
  actionId: "a1",
  ministryId: "m1",
  version,
  text: `Update ${version}`,
  reportedStatus: "under-way",
  values: [],
  attachments: [],
  authorId: "u-fp",
  authorName: "Petra Kovač",
  reportedAt: "2026-04-02T10:00:00.000Z",
  via: "card",
  submissionId: `s${version}`,
  review: "accepted",
  ...fields,
});

const view = (mayReview: boolean): ActionViewDto => ({
  access: "full",
  action: {
    id: "a1",
    eTag: "e",
    title: "Juvenile justice reform",
    recommendationIds: ["7"],
    leadMinistryId: "m1",
    supportingMinistryIds: [],
    startDate: "2026-01-01",
    endDate: "2026-03-31",
    expectedOutput: "A juvenile justice act in force",
    status: "under-way",
    planItemIds: [],
    sharedWithObservers: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    createdBy: "u-sec",
    overdue: true,
    indicatorsOffTrack: 1,
  },
  indicators: [
    {
      access: "full",
      track: "off-track",
      indicator: { id: "i1", eTag: "e", actionId: "a1", definition: "Children in pre-trial detention", unit: "children", baselineValue: 120, baselineDate: "2025-12-31", targetValue: 40, targetDate: "2026-12-31", dataSource: "Prison administration", disaggregation: [], createdAt: "2026-01-01T00:00:00.000Z", createdBy: "u-sec" },
      values: [{ id: "v1", eTag: "e", key: "k", indicatorId: "i1", value: 110, date: "2026-03-31", reportedById: "u-fp", reportedByName: "Petra Kovač", reportedAt: "2026-04-02T10:00:00.000Z", evidence: [] }],
      latest: { id: "v1", eTag: "e", key: "k", indicatorId: "i1", value: 110, date: "2026-03-31", reportedById: "u-fp", reportedByName: "Petra Kovač", reportedAt: "2026-04-02T10:00:00.000Z", evidence: [] },
    },
  ],
  timeline: [update(2, { review: "submitted", text: "The act was adopted." }), update(1, {})],
  mayReport: false,
  mayReview,
});

describe("a recommendation's actions and progress", () => {
  test("show each action with its indicators' chart against baseline and target and its progress timeline, newest first", async () => {
    const api = fakeApi({ listActions: () => ({ items: [view(false).action], total: 1 }), getAction: () => view(false) });
    renderSignedIn(<RecommendationFollowUp recommendationId="7" />, { me: ME.observer, api });
    const action = await screen.findByRole("listitem", { name: "Juvenile justice reform" });
    expect(action).toHaveTextContent("Under way");
    expect(action).toHaveTextContent("Overdue");
    expect(action).toHaveTextContent("Lead: Ministry of Justice");
    const chart = within(action).getByRole("img", { name: /^Children in pre-trial detention: baseline 120 children/ });
    expect(chart).toHaveAccessibleName(expect.stringContaining("target 40 children by Dec 31, 2026, latest 110 children (Mar 31, 2026). Off track."));
    expect(chart.querySelectorAll('[data-point="value"]')).toHaveLength(1);
    const timeline = within(action).getByRole("list", { name: "Progress reported" });
    const versions = within(timeline).getAllByRole("listitem");
    expect(versions.map((v) => v.textContent)).toEqual([expect.stringContaining("Version 2 by Petra Kovač"), expect.stringContaining("Version 1 by Petra Kovač")]);
    expect(versions[0]).toHaveTextContent("Waiting for review");
    expect(within(action).queryByRole("button", { name: "Accept" })).toBeNull();
    expect(api.calls[0]).toMatchObject({ id: "listActions", input: { query: { recommendationId: "7" } } });
  });

  test("let the secretariat accept an update, or return it only with what is missing", async () => {
    const reviews: unknown[] = [];
    const api = fakeApi({
      listActions: () => ({ items: [view(true).action], total: 1 }),
      getAction: () => view(true),
      reviewProgress: (input) => {
        reviews.push(input);
        return {} as never;
      },
    });
    renderSignedIn(<RecommendationFollowUp recommendationId="7" />, { me: ME.secretariat, api });
    const back = await screen.findByRole("button", { name: "Return" });
    expect(back).toBeDisabled();
    await userEvent.type(screen.getByRole("textbox", { name: "What is missing (to return it)" }), "Which courts?");
    await userEvent.click(back);
    await waitFor(() => expect(reviews).toEqual([{ params: { id: "u2" }, body: { decision: "returned", comment: "Which courts?" } }]));
    await userEvent.click(await screen.findByRole("button", { name: "Accept" }));
    await waitFor(() => expect(reviews).toHaveLength(2));
    expect(reviews[1]).toEqual({ params: { id: "u2" }, body: { decision: "accepted" } });
  });

  test("say so when the recommendation has no action yet", async () => {
    renderSignedIn(<RecommendationFollowUp recommendationId="7" />, { me: ME.focalPoint, api: fakeApi({ listActions: () => ({ items: [], total: 0 }) }) });
    expect(await screen.findByText("No action is recorded for this recommendation yet.")).toBeInTheDocument();
  });

  test("let the secretariat add an action for the recommendation, led by its lead ministry, and an indicator of it", async () => {
    const created: unknown[] = [];
    let actions: ActionViewDto[] = [];
    const api = fakeApi({
      listActions: () => ({ items: actions.map((a) => a.action), total: actions.length }),
      getAction: () => actions[0]!,
      createAction: (input) => {
        created.push(input);
        actions = [{ ...view(true), timeline: [], indicators: [] }];
        return {} as never;
      },
      createIndicator: (input) => {
        created.push(input);
        return {} as never;
      },
    });
    renderSignedIn(<RecommendationFollowUp recommendationId="7" leadMinistryId="m1" />, { me: ME.secretariat, api });
    await userEvent.click(await screen.findByRole("button", { name: "Add an action" }));
    const form = screen.getByRole("form", { name: "New action" });
    await userEvent.type(within(form).getByRole("textbox", { name: "Title" }), "Juvenile justice reform");
    await userEvent.type(within(form).getByLabelText(/Starts/), "2026-01-01");
    await userEvent.type(within(form).getByLabelText(/Ends/), "2026-12-31");
    await userEvent.type(within(form).getByRole("textbox", { name: "Expected output" }), "A juvenile justice act in force");
    await userEvent.click(within(form).getByRole("button", { name: "Create" }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({ body: { title: "Juvenile justice reform", recommendationIds: ["7"], leadMinistryId: "m1", startDate: "2026-01-01", endDate: "2026-12-31", expectedOutput: "A juvenile justice act in force" } });

    await userEvent.click(await screen.findByRole("button", { name: "Add an indicator" }));
    const indicator = screen.getByRole("form", { name: "New indicator" });
    await userEvent.type(within(indicator).getByRole("textbox", { name: "What is measured" }), "Children in pre-trial detention");
    await userEvent.type(within(indicator).getByRole("textbox", { name: "Unit" }), "children");
    await userEvent.type(within(indicator).getByRole("textbox", { name: "Data source" }), "Prison administration");
    await userEvent.type(within(indicator).getByRole("textbox", { name: "Baseline value" }), "120");
    await userEvent.type(within(indicator).getByLabelText(/Baseline date/), "2025-12-31");
    await userEvent.type(within(indicator).getByRole("textbox", { name: "Target value" }), "40,5");
    await userEvent.type(within(indicator).getByLabelText(/Target date/), "2027-12-31");
    await userEvent.click(within(indicator).getByRole("button", { name: "Create" }));
    await waitFor(() => expect(created).toHaveLength(2));
    expect(created[1]).toEqual({ body: { actionId: "a1", definition: "Children in pre-trial detention", unit: "children", baselineValue: 120, baselineDate: "2025-12-31", targetValue: 40.5, targetDate: "2027-12-31", dataSource: "Prison administration" } });
  });
});
