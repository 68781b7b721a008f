import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { DraftDto, ReportDto, ReviewDto, TemplateDto } from "../../../../core/api";
import { ApiProblem } from "../../api/client";
import { fakeApi, ME, renderSignedIn, stubLayout, type Handlers } from "../../testing/session";
import DraftsView from "./DraftsView";
import { templateFileName } from "./TemplatesSection";

const report: ReportDto = { id: "r1", eTag: "e", title: "UPR national report", mechanism: "UPR", type: "upr-national", language: "en", dueDate: "2027-02-12", timeZone: "UTC", wordLimit: 10700, status: "in-review", questions: [], reminderPolicy: { remindDaysBefore: [7, 2, 0], escalateDaysAfter: 1, sendAt: "09:00", dailyDigest: true }, sharedWithObservers: false, createdAt: "2026-01-01T00:00:00.000Z" };
const draft: DraftDto = { id: "d1", eTag: "de", key: "r1#1", reportId: "r1", version: 1, fileName: "draft.docx", fileId: "f1", webUrl: "https://contoso.sharepoint.com/Drafts/draft.docx", fileVersion: "2.0", wordCount: { counted: 11200, excluded: 300, limit: 10700 }, unansweredRequestIds: ["q1", "q2"], reviewState: "in-review", compiledAt: "2026-11-20T10:00:00.000Z", compiledBy: "u-sec" };
const review: ReviewDto = { id: "v1", eTag: "ve", draftId: "d1", reportId: "r1", draftVersion: 1, requestedBy: "u-sec", requestedAt: "2026-11-21T10:00:00.000Z", message: "Ready for you" };

const letterhead: TemplateDto = { id: "t1", name: "Letterhead.docx", webUrl: "https://contoso.sharepoint.com/Drafts/Templates/Letterhead.docx", version: "2.0", uploadedAt: "2026-11-02T09:30:00.000Z", uploadedBy: "Maja Novak", placeholders: ["title", "date", "body", "annex"], notes: [] };

function api(handlers: Handlers = {}) {
  return fakeApi({
    listReports: () => ({ items: [report] }),
    listDrafts: () => ({ items: [draft] }),
    listTemplates: () => ({ items: [] }),
    getDraft: () => ({ ...draft, reviews: [review] }),
    decideDraft: ({ body }) => ({ draft: { ...draft, reviewState: (body as { decision: string }).decision === "approved" ? "approved" : "returned", eTag: "de2" }, review: { ...review, decision: "approved" }, replayed: false }),
    ...handlers,
  });
}

const docx = (name: string) => new File([new Uint8Array([80, 75, 3, 4])], name, { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });

beforeAll(stubLayout);
beforeEach(() => window.history.replaceState(null, "", "/drafts?report=r1"));

describe("the drafts view", () => {
  test("shows the word count against the limit as a bar named by its figures, over the limit in words, and opens the file in Word (in local mode, the stand-in for Word) or downloads it", async () => {
    renderSignedIn(<DraftsView />, { me: ME.secretariat, api: api() });
    expect(await screen.findByRole("progressbar", { name: "11,200 of 10,700 words (105%)" }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText("500 words over the limit.")).toBeInTheDocument();
    expect(screen.getByText("2 requests were unanswered when this draft was compiled.")).toBeInTheDocument();
    // Local mode has no SharePoint: the file's webUrl would be a dead host.
    expect(screen.getByRole("link", { name: "Open in Word" })).toHaveAttribute("href", "/word/local.html?draftId=d1");
    expect(screen.getByRole("button", { name: "Download (.docx)" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Compile draft" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
  });

  test("the chair returns a draft only with a comment, and approves it", async () => {
    const fake = api();
    renderSignedIn(<DraftsView />, { me: ME.chair, api: fake });
    await screen.findByRole("heading", { name: "Your decision" });
    expect(screen.getByText("The secretariat wrote: Ready for you")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Compile draft" })).toBeNull();
    expect(screen.getByRole("button", { name: "Return with comment" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Approve" }));
    await screen.findByText("The chair approved this draft. It can be submitted.");
    expect(fake.calls.find((c) => c.id === "decideDraft")?.input).toMatchObject({ params: { id: "v1" }, body: { decision: "approved" } });
  });

  test("the chair sees no templates and never asks for them", async () => {
    const fake = api();
    renderSignedIn(<DraftsView />, { me: ME.chair, api: fake });
    await screen.findByRole("heading", { name: "Your decision" });
    expect(screen.queryByRole("heading", { name: "Word templates" })).toBeNull();
    expect(screen.queryByLabelText(/Template file/)).toBeNull();
    expect(fake.calls.some((c) => c.id === "listTemplates")).toBe(false);
  });
});

describe("the secretariat's templates", () => {
  test("lists each template with its version, who uploaded it when, and its placeholders", async () => {
    renderSignedIn(<DraftsView />, { me: ME.secretariat, api: api({ listTemplates: () => ({ items: [letterhead] }) }) });
    const table = await screen.findByRole("table", { name: "Templates uploaded" });
    const row = within(table).getByRole("row", { name: /Letterhead\.docx/ });
    expect(within(row).getByRole("link", { name: "Letterhead.docx" })).toHaveAttribute("href", letterhead.webUrl);
    expect(within(row).getByText("2.0")).toBeInTheDocument();
    expect(within(row).getByText(/, by Maja Novak$/)).toBeInTheDocument();
    expect(within(row).getByText("{{title}}, {{date}}, {{body}}, {{annex}}")).toBeInTheDocument();
  });

  test("the requests unanswered when a draft is compiled are one line per ministry, and the counts agree", async () => {
    const justice = Array.from({ length: 20 }, (_, i) => ({ requestId: `j${i}`, ministryId: "m1", ministryName: "Ministry of Justice", dueDate: `2026-12-${String(10 + (i % 5)).padStart(2, "0")}`, status: (i < 18 ? "sent" : "seen") as "sent" | "seen" }));
    const health = Array.from({ length: 6 }, (_, i) => ({ requestId: `h${i}`, ministryId: "m2", ministryName: "Ministry of Health", dueDate: "2026-12-20", status: "sent" as const }));
    const unansweredRequestIds = [...justice, ...health].map((g) => g.requestId);
    const fake = api({ compileDraft: () => ({ draft: { ...draft, id: "d2", version: 2, reviewState: "drafting", unansweredRequestIds }, webUrl: draft.webUrl!, wordCount: draft.wordCount!, unanswered: [...justice, ...health, justice[0]!] }) });
    renderSignedIn(<DraftsView />, { me: ME.secretariat, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Compile draft" }));
    await screen.findByText("26 requests were unanswered when this draft was compiled.");
    expect(screen.getAllByRole("link", { name: "Ministry of Justice" })).toHaveLength(1);
    const line = screen.getByRole("link", { name: "Ministry of Justice" }).closest("li")!;
    expect(line).toHaveTextContent("20 requests");
    expect(line).toHaveTextContent("first due Dec 10, 2026");
    expect(screen.getByRole("link", { name: "Ministry of Health" }).closest("li")).toHaveTextContent("6 requests");
  });

  test("an upload shows the placeholders found and what is good to know, and the new template is chosen for the next draft", async () => {
    const fresh: TemplateDto = { ...letterhead, id: "t2", name: "Ministry letterhead.docx", version: "1.0", placeholders: ["body", "date"], notes: ["There is no {{title}}: the report's title is written above the body."] };
    const fake = api({
      uploadTemplate: () => fresh,
      compileDraft: () => ({ draft: { ...draft, id: "d2", version: 2, reviewState: "drafting" }, webUrl: draft.webUrl!, wordCount: draft.wordCount!, unanswered: [], template: { id: "t2", name: "Ministry letterhead.docx", version: "1.0" } }),
    });
    renderSignedIn(<DraftsView />, { me: ME.secretariat, api: fake });
    await screen.findByText("No template yet: drafts use the built-in layout.");
    // SharePoint refuses "&" in a file name: the tab sends it without.
    await userEvent.upload(screen.getByLabelText(/Template file/), docx("Ministry & letterhead.docx"));
    await userEvent.click(screen.getByRole("button", { name: "Upload template" }));
    await screen.findByText("Ministry letterhead.docx was checked and uploaded (version 1.0). Choose it when you compile a draft.");
    expect(fake.calls.find((c) => c.id === "uploadTemplate")?.input).toMatchObject({ query: { fileName: "Ministry letterhead.docx" } });
    expect(screen.getByText("Placeholders found: {{date}}, {{body}}")).toBeInTheDocument();
    // The note, under the upload's result and beside the template in the table.
    expect(screen.getAllByText("There is no {{title}}: the report's title is written above the body.")).toHaveLength(2);
    const table = screen.getByRole("table", { name: "Templates uploaded" });
    expect(within(table).getByRole("link", { name: "Ministry letterhead.docx" })).toBeInTheDocument();
    expect(within(table).getByText("There is no {{title}}: the report's title is written above the body.")).toBeInTheDocument();

    expect(screen.getByRole("combobox", { name: "Template" })).toHaveTextContent("Ministry letterhead.docx");
    await userEvent.click(screen.getByRole("button", { name: "Compile draft" }));
    await screen.findByText("Draft version 2 was compiled into the template Ministry letterhead.docx (version 1.0).");
    expect(fake.calls.find((c) => c.id === "compileDraft")?.input).toMatchObject({ params: { id: "r1" }, body: { templateId: "t2" } });
    // A draft just compiled is not "being written": it waits to be sent to the chair.
    expect(screen.getAllByText("Compiled, not yet sent to the chair").length).toBeGreaterThan(0);
  });

  test("a refused template is explained in plain words and added nowhere", async () => {
    const message = "This template cannot be used: it holds macros (VBA): save it as a Word document (.docx), not a macro-enabled one (.docm).";
    const fake = api({
      listTemplates: () => ({ items: [letterhead] }),
      uploadTemplate: () => {
        throw new ApiProblem("validation", message, 400, [{ path: "template", message: "it holds macros (VBA)" }], "req-1");
      },
    });
    renderSignedIn(<DraftsView />, { me: ME.secretariat, api: fake });
    await screen.findByRole("table", { name: "Templates uploaded" });
    await userEvent.upload(screen.getByLabelText(/Template file/), docx("Macros.docx"));
    await userEvent.click(screen.getByRole("button", { name: "Upload template" }));
    await screen.findByText("This template was refused.");
    expect(screen.getByText(/it holds macros \(VBA\): save it as a Word document/)).toBeInTheDocument();
    expect(screen.getByText(/Correct it in Word, save it, and upload it again\./)).toBeInTheDocument();
    expect(within(screen.getByRole("table", { name: "Templates uploaded" })).getAllByRole("row")).toHaveLength(2);
    expect(screen.getByRole("combobox", { name: "Template" })).toHaveTextContent("Built-in layout (no template)");
  });

  test("a file that is not a Word document is not sent", async () => {
    const fake = api();
    renderSignedIn(<DraftsView />, { me: ME.secretariat, api: fake });
    await screen.findByText("No template yet: drafts use the built-in layout.");
    await userEvent.upload(screen.getByLabelText(/Template file/), new File(["%PDF"], "Letterhead.pdf", { type: "application/pdf" }), { applyAccept: false });
    expect(screen.getByText("Choose a Word file ending in .docx or .dotx.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Upload template" })).toBeDisabled();
    expect(fake.calls.some((c) => c.id === "uploadTemplate")).toBe(false);
  });

  test("compiling without a template says the built-in layout was used", async () => {
    const fake = api({ listTemplates: () => ({ items: [letterhead] }), compileDraft: () => ({ draft: { ...draft, id: "d2", version: 2, reviewState: "drafting" }, webUrl: draft.webUrl!, wordCount: draft.wordCount!, unanswered: [] }) });
    renderSignedIn(<DraftsView />, { me: ME.secretariat, api: fake });
    await screen.findByRole("combobox", { name: "Template" });
    await userEvent.click(screen.getByRole("button", { name: "Compile draft" }));
    await screen.findByText("Draft version 2 was compiled with the built-in layout.");
    expect(fake.calls.find((c) => c.id === "compileDraft")?.input).toMatchObject({ body: {} });
  });

  test("file names lose what SharePoint refuses, and only Word files are taken", () => {
    expect(templateFileName("Letterhead.docx")).toBe("Letterhead.docx");
    expect(templateFileName("  Ministry #1: letterhead.DOTX ")).toBe("Ministry 1 letterhead.dotx");
    expect(templateFileName("{{}}.docx")).toBe("Template.docx");
    expect(templateFileName("Letterhead.docm")).toBeUndefined();
    expect(templateFileName("Letterhead.pdf")).toBeUndefined();
  });
});

describe("a draft's file from the tab", () => {
  function saving() {
    URL.createObjectURL = jest.fn(() => "blob:draft");
    URL.revokeObjectURL = jest.fn();
    const saved: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    return { saved, restore: () => click.mockRestore() };
  }

  test("an observer downloads the .docx, and is offered no PDF when the server has no LibreOffice", async () => {
    const fake = api({ downloadDraft: () => new Blob(["PK"]) });
    const files = saving();
    renderSignedIn(<DraftsView />, { me: ME.observer, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Download (.docx)" }, { timeout: 5000 }));
    await screen.findByRole("button", { name: "Download (.docx)" });
    expect(fake.calls.find((c) => c.id === "downloadDraft")?.input).toMatchObject({ params: { id: "d1" } });
    expect(files.saved).toEqual(["draft.docx"]);
    expect(screen.queryByRole("button", { name: "Download as PDF" })).toBeNull();
    files.restore();
  });

  test("the secretariat downloads a PDF when the server converts, earlier versions too; a failure says why", async () => {
    const older: DraftDto = { ...draft, id: "d0", version: 0, fileName: "UPR national report — draft v0.docx", reviewState: "returned" };
    let fail = false;
    const fake = api({
      listDrafts: () => ({ items: [draft, older] }),
      downloadDraftPdf: () => {
        if (fail) throw new ApiProblem("unavailable", "PDF is not available on this server: LibreOffice (soffice) is not installed.", 503);
        return new Blob(["%PDF-"]);
      },
    });
    const files = saving();
    renderSignedIn(<DraftsView />, { me: { ...ME.secretariat, can: { ...ME.secretariat.can, downloadPdf: true } }, api: fake });
    await userEvent.click(await screen.findByRole("button", { name: "Download as PDF" }, { timeout: 5000 }));
    await screen.findByRole("button", { name: "Download as PDF" });
    await userEvent.click(screen.getByRole("button", { name: "Download draft version 0 as PDF" }));
    await screen.findByRole("button", { name: "Download draft version 0 as PDF" });
    expect(fake.calls.filter((c) => c.id === "downloadDraftPdf").map((c) => (c.input as { params: { id: string } }).params.id)).toEqual(["d1", "d0"]);
    expect(files.saved).toEqual(["draft.pdf", "UPR national report — draft v0.pdf"]);
    fail = true;
    await userEvent.click(screen.getByRole("button", { name: "Download as PDF" }));
    expect(await screen.findByText(/LibreOffice \(soffice\) is not installed/)).toBeInTheDocument();
    files.restore();
  });
});
