import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import type { RequestDto } from "../../../../core/api";
import { ApiProblem } from "../../api/client";
import { fakeApi, ME, renderSignedIn, type Handlers } from "../../testing/session";
import { AnswerForm } from "./AnswerForm";

const request: RequestDto = {
  id: "q1",
  eTag: "e",
  key: "r1|rec:7|m1",
  reportId: "r1",
  ministryId: "m1",
  ministryRole: "lead",
  ask: "Please describe what was done.",
  subject: { kind: "recommendation", recommendationId: "7" },
  recommendationId: "7",
  dueDate: "2026-11-20",
  status: "sent",
  sentAt: "2026-11-01T09:00:00.000Z",
  createdBy: "u-sec",
  latestVersion: 0,
  notices: [],
};

const attachmentOf = (name: string) => ({ name, fileId: `f-${name}`, webUrl: `https://contoso.sharepoint.com/Evidence/${name}`, size: 1200, contentType: "application/pdf" });
const fileOf = (name: string) => new File(["%PDF-1.7 evidence"], name, { type: "application/pdf" });

/** The upload handler answers what `outcome` says for each file name; a name it does not know is taken. */
function setUp(outcome: Record<string, Error | Promise<void>> = {}) {
  const uploads: string[] = [];
  const handlers: Handlers = {
    uploadAttachment: async ({ query }) => {
      const name = String(query?.fileName);
      uploads.push(name);
      const verdict = outcome[name];
      if (verdict instanceof Error) throw verdict;
      await verdict;
      return attachmentOf(name);
    },
    createContribution: () => ({ contribution: {} as never, request: { ...request, status: "answered", latestVersion: 1 }, replayed: false }),
  };
  const api = fakeApi(handlers);
  const onSaved = jest.fn();
  renderSignedIn(<AnswerForm request={request} recommendationStatus="in-progress" onSaved={onSaved} onCancel={() => undefined} />, { me: ME.focalPoint, api });
  const sent = () => api.calls.filter((call) => call.id === "createContribution").map((call) => (call.input as { body: unknown }).body);
  /** Types the answer, sends it and waits until it is saved. */
  const answer = async (user: UserEvent, text: string) => {
    await user.type(screen.getByRole("textbox", { name: /Your answer/ }), text);
    await user.click(screen.getByRole("button", { name: "Send answer" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  };
  return { api, uploads, onSaved, sent, answer };
}

const files = () => screen.getByRole("list", { name: "Evidence files" });
const fileRow = (name: string) => within(files()).getByRole("listitem", { name });

describe("a focal point's answer in the tab takes evidence files", () => {
  test("the files chosen are uploaded at once and sent with the answer", async () => {
    const user = userEvent.setup();
    const { uploads, onSaved, sent, answer } = setUp();
    await user.upload(screen.getByLabelText("Evidence files"), [fileOf("statistics 2025.pdf"), fileOf("decree.pdf")]);
    expect(await within(fileRow("statistics 2025.pdf")).findByText("Attached")).toBeInTheDocument();
    expect(await within(fileRow("decree.pdf")).findByText("Attached")).toBeInTheDocument();
    expect(uploads).toEqual(["statistics 2025.pdf", "decree.pdf"]);

    await answer(user, "The plan was adopted in March.");
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: "q1", status: "answered" }));
    expect(sent()).toEqual([
      { text: "The plan was adopted in March.", submissionId: expect.any(String), reportedStatus: "in-progress", attachments: [attachmentOf("statistics 2025.pdf"), attachmentOf("decree.pdf")] },
    ]);
  });

  test("a file the evidence policy refuses says why and is not sent; one too large says so", async () => {
    const user = userEvent.setup();
    const typeRefused = "this type of file is not accepted: send pdf, docx, xlsx";
    const { sent, answer } = setUp({
      "setup.exe": new ApiProblem("validation", typeRefused, 400, [{ path: "file", message: typeRefused }]),
      "scan.pdf": new ApiProblem("too_large", "a file may be at most 25 MB", 413),
    });
    await user.upload(screen.getByLabelText("Evidence files"), [fileOf("setup.exe"), fileOf("scan.pdf"), fileOf("decree.pdf")]);

    const refused = fileRow("setup.exe");
    expect(await within(refused).findByText("Not attached")).toBeInTheDocument();
    expect(within(refused).getByText("setup.exe was refused.")).toBeInTheDocument();
    expect(within(refused).getByText(new RegExp(typeRefused))).toBeInTheDocument();
    const tooLarge = fileRow("scan.pdf");
    expect(within(tooLarge).getByText("The file or text is too large.")).toBeInTheDocument();
    expect(within(tooLarge).getByText(/a file may be at most 25 MB/)).toBeInTheDocument();
    expect(await within(fileRow("decree.pdf")).findByText("Attached")).toBeInTheDocument();

    await answer(user, "See the decree.");
    expect(sent()).toEqual([expect.objectContaining({ attachments: [attachmentOf("decree.pdf")] })]);
  });

  test("a file removed before sending is not sent", async () => {
    const user = userEvent.setup();
    const { sent, answer } = setUp();
    await user.upload(screen.getByLabelText("Evidence files"), [fileOf("draft law.pdf"), fileOf("wrong file.pdf")]);
    expect(await within(fileRow("wrong file.pdf")).findByText("Attached")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Remove wrong file.pdf" }));
    expect(within(files()).queryByRole("listitem", { name: "wrong file.pdf" })).toBeNull();
    expect(fileRow("draft law.pdf")).toBeInTheDocument();

    await answer(user, "The draft law is attached.");
    expect(sent()).toEqual([expect.objectContaining({ attachments: [attachmentOf("draft law.pdf")] })]);
  });

  test("Send waits while a file is still uploading", async () => {
    const user = userEvent.setup();
    let finish!: () => void;
    const { sent, onSaved } = setUp({ "report.pdf": new Promise<void>((resolve) => (finish = resolve)) });
    await user.type(screen.getByRole("textbox", { name: /Your answer/ }), "Figures are in the report.");
    expect(screen.getByRole("button", { name: "Send answer" })).toBeEnabled();

    await user.upload(screen.getByLabelText("Evidence files"), fileOf("report.pdf"));
    expect(await within(fileRow("report.pdf")).findByText("Uploading…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Send answer" })).toBeDisabled();
    expect(screen.getByText("You can send once every file is uploaded.")).toBeInTheDocument();

    finish();
    expect(await within(fileRow("report.pdf")).findByText("Attached")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Send answer" })).toBeEnabled();
    await user.click(screen.getByRole("button", { name: "Send answer" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(sent()).toEqual([expect.objectContaining({ attachments: [attachmentOf("report.pdf")] })]);
  });

  test("without files the answer is sent as before, its text still required", async () => {
    const user = userEvent.setup();
    const { sent, answer } = setUp();
    expect(screen.getByRole("button", { name: "Send answer" })).toBeDisabled();
    await answer(user, "Nothing to attach.");
    expect(sent()).toEqual([{ text: "Nothing to attach.", submissionId: expect.any(String), reportedStatus: "in-progress", attachments: [] }]);
  });
});
