import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { RecommendationDto } from "../../../../core/api";
import { ApiProblem } from "../../api/client";
import { fakeApi, ME, recommendation, renderSignedIn, stubLayout } from "../../testing/session";
import { EditRecommendationForm } from "./EditRecommendationForm";

beforeAll(stubLayout);

describe("a save refused because someone saved meanwhile", () => {
  // The person reads version e1, and meanwhile a colleague changes the text and the cluster (e2).
  const read = recommendation(1, { text: "Strengthen the Ombudsman.", cluster: "Institutions" });
  const savedMeanwhile: RecommendationDto = { ...read, eTag: "e2", text: "Strengthen the Ombudsman's mandate and budget.", cluster: "National human rights institution" };

  function setUp() {
    const sent: { changes: Record<string, unknown>; eTag: string }[] = [];
    const fake = fakeApi({
      listThemes: () => ({ items: [] }),
      updateRecommendation: ({ body }) => {
        const b = body as { changes: Record<string, unknown>; eTag: string };
        sent.push(b);
        if (b.eTag !== savedMeanwhile.eTag) throw new ApiProblem("concurrency", "the recommendation changed since it was read", 412, [], "req-1", savedMeanwhile);
        return { ...savedMeanwhile, ...b.changes, eTag: "e3" } as RecommendationDto;
      },
    });
    const onSaved = jest.fn();
    renderSignedIn(<EditRecommendationForm recommendation={read} onSaved={onSaved} onCancel={jest.fn()} onReload={jest.fn()} />, { me: ME.secretariat, api: fake });
    return { sent, onSaved };
  }

  test("keeps what the person typed, shows the saved value beside it, and saves against the version saved now", async () => {
    const { sent, onSaved } = setUp();
    const text = screen.getByRole("textbox", { name: "Text" });
    await userEvent.clear(text);
    await userEvent.type(text, "Strengthen the Ombudsman and publish its reports.");
    await userEvent.clear(screen.getByRole("textbox", { name: "SDG goals" }));
    await userEvent.type(screen.getByRole("textbox", { name: "SDG goals" }), "16, 10");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Someone saved this recommendation while you were editing it")).toBeInTheDocument();
    // Nothing typed is lost.
    expect(screen.getByRole("textbox", { name: "Text" })).toHaveValue("Strengthen the Ombudsman and publish its reports.");
    expect(screen.getByRole("textbox", { name: "SDG goals" })).toHaveValue("16, 10");
    // The field both changed is shown side by side; the one only the colleague changed takes their value.
    const both = screen.getByRole("list", { name: "Fields you both changed" });
    const row = within(both).getByRole("listitem", { name: "Text" });
    expect(row).toHaveTextContent("Yours: Strengthen the Ombudsman and publish its reports.");
    expect(row).toHaveTextContent("Saved now: Strengthen the Ombudsman's mandate and budget.");
    expect(within(both).queryByRole("listitem", { name: "Cluster" })).toBeNull();
    expect(screen.getByRole("textbox", { name: "Cluster" })).toHaveValue("National human rights institution");

    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSaved).toHaveBeenCalled();
    expect(sent[1]).toEqual({ eTag: "e2", changes: { text: "Strengthen the Ombudsman and publish its reports.", sdgGoals: [16, 10] } });
  });

  test("the saved value can be taken for a field both changed", async () => {
    const { sent } = setUp();
    const text = screen.getByRole("textbox", { name: "Text" });
    await userEvent.clear(text);
    await userEvent.type(text, "Abolish the Ombudsman.");
    await userEvent.type(screen.getByRole("textbox", { name: "National action plan" }), "NAP 2.4");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await userEvent.click(within(await screen.findByRole("listitem", { name: "Text" })).getByRole("button", { name: "Use the saved value" }));
    expect(screen.getByRole("textbox", { name: "Text" })).toHaveValue("Strengthen the Ombudsman's mandate and budget.");
    expect(screen.queryByRole("list", { name: "Fields you both changed" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(sent[1]).toEqual({ eTag: "e2", changes: { actionPlanReference: "NAP 2.4" } });
  });
});

test("themes are chosen from the mechanism's vocabulary; a new one is added on purpose, and one already there is not added twice", async () => {
  const sent: { changes: Record<string, unknown> }[] = [];
  const fake = fakeApi({
    listThemes: ({ query }) => ({ items: (query as { mechanism?: string }).mechanism === "UPR" ? [{ name: "Right to education", count: 9, similar: [] }, { name: "National human rights institution", count: 4, similar: [] }] : [] }),
    updateRecommendation: ({ body }) => {
      sent.push(body as { changes: Record<string, unknown> });
      return recommendation(1);
    },
  });
  renderSignedIn(<EditRecommendationForm recommendation={recommendation(1)} onSaved={jest.fn()} onCancel={jest.fn()} onReload={jest.fn()} />, { me: ME.secretariat, api: fake });
  await waitFor(() => expect(fake.calls.some((c) => c.id === "listThemes")).toBe(true));
  await userEvent.click(screen.getByRole("combobox", { name: "Themes" }));
  await userEvent.click(await screen.findByText("Right to education"));
  await userEvent.keyboard("{Escape}");
  await userEvent.type(screen.getByRole("textbox", { name: "A theme not in the list" }), "right to EDUCATION{Enter}");
  await userEvent.type(screen.getByRole("textbox", { name: "A theme not in the list" }), "Women's rights");
  await userEvent.click(screen.getByRole("button", { name: "Add theme" }));
  expect(screen.getByRole("combobox", { name: "Themes" })).toHaveTextContent("National human rights institution; Right to education; Women's rights");
  await userEvent.click(screen.getByRole("button", { name: "Save" }));
  expect(sent[0]?.changes).toEqual({ themes: ["National human rights institution", "Right to education", "Women's rights"] });
});
