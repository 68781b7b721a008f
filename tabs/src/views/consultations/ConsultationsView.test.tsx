import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ConsultationCommentDto, ConsultationDto } from "../../../../core/api";
import { ApiProblem } from "../../api/client";
import { addDays, todayIn } from "../../taxonomy";
import { fakeApi, ME, recommendation, renderSignedIn, stubLayout, type Handlers } from "../../testing/session";
import ConsultationsView from "./ConsultationsView";

const today = todayIn("UTC");
const methodology = { kind: "section" as const, section: "methodology", title: "Methodology and consultation process" };
const open: ConsultationDto = {
  id: "k1",
  eTag: "e1",
  reportId: "r1",
  stakeholder: "Human Rights Ombudsman",
  kind: "nhri",
  subject: "the draft national report",
  date: addDays(today, -3),
  endDate: addDays(today, 10),
  format: "written-comments",
  sharedItems: [methodology, { kind: "recommendation", recommendationId: "7" }],
  invitedObserverIds: [ME.observer.userId],
};
const closed: ConsultationDto = {
  id: "k2",
  eTag: "e2",
  stakeholder: "Committee on Human Rights of the National Assembly",
  kind: "parliament",
  subject: "the follow-up of the recommendations",
  date: "2025-01-06",
  format: "meeting",
  participants: 23,
  summary: "The committee asked for a yearly hearing.",
  sharedItems: [],
  invitedObserverIds: [],
};
const comment: ConsultationCommentDto = {
  id: "c1",
  eTag: "ce1",
  consultationId: "k1",
  reportId: "r1",
  item: methodology,
  itemKey: "section:methodology",
  text: "Name the regional hearings too.",
  authorId: ME.observer.userId,
  authorName: "Ana Zupan",
  at: `${addDays(today, -1)}T09:00:00.000Z`,
  takenUp: false,
};

const reading = (extra: Handlers = {}): Handlers => ({ listConsultations: () => ({ items: [open, closed] }), listConsultationComments: () => ({ items: [comment] }), ...extra });

beforeAll(stubLayout);

describe("the consultations", () => {
  beforeEach(() => window.history.replaceState(null, "", "/consultations"));

  test("lists who was consulted, on what, when and how, and whether it takes comments now", async () => {
    renderSignedIn(<ConsultationsView />, { me: ME.secretariat, api: fakeApi(reading()) });
    const table = await screen.findByRole("table", { name: "Consultations" });
    const [first, second] = within(table).getAllByRole("row").slice(1);
    expect(within(first!).getByRole("link", { name: "Human Rights Ombudsman" })).toHaveAttribute("href", "/consultations/k1");
    expect(first).toHaveTextContent("National human rights institution");
    expect(first).toHaveTextContent("the draft national report");
    expect(first).toHaveTextContent("Written comments");
    expect(first).toHaveTextContent("Open for comments");
    expect(second).toHaveTextContent("Parliament");
    expect(second).toHaveTextContent("Meeting");
    expect(second).toHaveTextContent("23");
    expect(second).toHaveTextContent("Closed for comments");
  });
});

describe("a consultation", () => {
  beforeEach(() => window.history.replaceState(null, "", "/consultations/k1"));

  test("shows what it shares for comment with its comments, the recommendation in words", async () => {
    renderSignedIn(<ConsultationsView />, { me: ME.secretariat, api: fakeApi(reading({ getRecommendation: () => recommendation(7) })) });
    expect(await screen.findByRole("heading", { name: "Human Rights Ombudsman", level: 1 })).toBeInTheDocument();
    const section = screen.getByRole("region", { name: "Methodology and consultation process" });
    const written = await within(section).findByRole("article");
    expect(written).toHaveTextContent("Ana Zupan");
    expect(written).toHaveTextContent("Name the regional hearings too.");
    expect(written).toHaveTextContent("Not taken up");
    const item = await screen.findByRole("region", { name: "Recommendation A/HRC/43/15#148.7" });
    expect(item).toHaveTextContent("Recommendation number 7 about the Ombudsman");
    expect(item).toHaveTextContent("No comments on this yet.");
    // The secretariat answers; it does not comment.
    expect(screen.queryByRole("textbox", { name: "Your comment" })).not.toBeInTheDocument();
  });

  test("an invited observer comments on a shared item while it is open: the comment is sent and shown", async () => {
    const fake = fakeApi(
      reading({
        listConsultationComments: () => ({ items: [] }),
        commentOnConsultation: ({ body }) => ({ ...comment, id: "c2", eTag: "ce2", text: (body as { text: string }).text, at: `${today}T10:00:00.000Z` }),
      }),
    );
    renderSignedIn(<ConsultationsView />, { me: ME.observer, api: fake });
    const section = await screen.findByRole("region", { name: "Methodology and consultation process" });
    expect(screen.getByText("You see your own comments and the secretariat's answers to them.")).toBeInTheDocument();
    await userEvent.type(within(section).getByRole("textbox", { name: "Your comment" }), "Mention the hearing in Maribor.");
    await userEvent.click(within(section).getByRole("button", { name: "Send the comment" }));
    expect(await within(section).findByRole("article")).toHaveTextContent("Mention the hearing in Maribor.");
    expect(fake.calls.find((c) => c.id === "commentOnConsultation")?.input).toMatchObject({ params: { id: "k1" }, body: { item: methodology, text: "Mention the hearing in Maribor." } });
    expect(within(section).getByRole("textbox", { name: "Your comment" })).toHaveValue("");
    // A recommendation the observer may not read keeps a plain title.
    expect(screen.getByRole("region", { name: "A recommendation (its text is not shared with you)" })).toBeInTheDocument();
  });

  test("a comment the server refuses shows its reason, and the text stays", async () => {
    const fake = fakeApi(
      reading({
        listConsultationComments: () => ({ items: [] }),
        commentOnConsultation: () => {
          throw new ApiProblem("invalid_state", "This consultation closed for comments on 2026-10-30", 409);
        },
      }),
    );
    renderSignedIn(<ConsultationsView />, { me: ME.observer, api: fake });
    const section = await screen.findByRole("region", { name: "Methodology and consultation process" });
    await userEvent.type(within(section).getByRole("textbox", { name: "Your comment" }), "Too late?");
    await userEvent.click(within(section).getByRole("button", { name: "Send the comment" }));
    expect(await within(section).findByText("This consultation closed for comments on 2026-10-30")).toBeInTheDocument();
    expect(within(section).getByRole("textbox", { name: "Your comment" })).toHaveValue("Too late?");
    expect(within(section).queryByRole("article")).not.toBeInTheDocument();
  });

  test("an observer not invited reads what it shares, without comments or a way to comment", async () => {
    const fake = fakeApi({ listConsultations: () => ({ items: [{ ...open, invitedObserverIds: [] }] }) });
    renderSignedIn(<ConsultationsView />, { me: ME.observer, api: fake });
    expect(await screen.findByRole("region", { name: "Methodology and consultation process" })).toBeInTheDocument();
    expect(screen.getByText(/Only the observers invited to this consultation comment on it/)).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Your comment" })).not.toBeInTheDocument();
    expect(fake.calls.some((c) => c.id === "listConsultationComments")).toBe(false);
  });

  test("the secretariat answers a comment and marks it taken up, with the comment's eTag", async () => {
    const fake = fakeApi(
      reading({
        answerConsultationComment: ({ body }) => {
          const { answer, takenUp } = body as { answer?: string; takenUp: boolean };
          return { ...comment, eTag: "ce2", answer, takenUp, answeredBy: ME.secretariat.userId, answeredAt: `${today}T11:00:00.000Z` };
        },
      }),
    );
    renderSignedIn(<ConsultationsView />, { me: ME.secretariat, api: fake });
    const written = await screen.findByRole("article");
    await userEvent.type(within(written).getByRole("textbox", { name: "Your answer" }), "Added in paragraph 4.");
    await userEvent.click(within(written).getByRole("checkbox", { name: "Taken up (in the draft or in the recommendation's follow-up)" }));
    await userEvent.click(within(written).getByRole("button", { name: "Save the answer" }));
    expect(await within(written).findByText("The secretariat's answer")).toBeInTheDocument();
    expect(within(written).getByText("Added in paragraph 4.", { selector: "bdi" })).toBeInTheDocument();
    expect(within(written).getByText("Taken up")).toBeInTheDocument();
    expect(fake.calls.find((c) => c.id === "answerConsultationComment")?.input).toMatchObject({ params: { id: "c1" }, body: { answer: "Added in paragraph 4.", takenUp: true, eTag: "ce1" } });
  });

  test("an answer saved on a stale page is refused and told, and the typed answer stays", async () => {
    const fake = fakeApi(
      reading({
        answerConsultationComment: () => {
          throw new ApiProblem("concurrency", "Someone changed this comment meanwhile: reload it.", 412);
        },
      }),
    );
    renderSignedIn(<ConsultationsView />, { me: ME.secretariat, api: fake });
    const written = await screen.findByRole("article");
    await userEvent.type(within(written).getByRole("textbox", { name: "Your answer" }), "Added in paragraph 4.");
    await userEvent.click(within(written).getByRole("button", { name: "Save the answer" }));
    expect(await within(written).findByText("Someone changed this comment meanwhile: reload it.")).toBeInTheDocument();
    expect(within(written).getByRole("textbox", { name: "Your answer" })).toHaveValue("Added in paragraph 4.");
    expect(within(written).getByText("Not taken up")).toBeInTheDocument();
  });
});
