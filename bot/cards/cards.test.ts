import { createTranslator } from "../i18n/translate";
import { visibleText } from "./adaptive";
import { digestCard, noticeCard } from "./notice-card";
import { communicationDueCard } from "./engagement-card";
import { chatAnswerCard, moreTimeCard, myRequestsCard, requestCard } from "./request-card";
import type { RequestView } from "../../core/requests/read-requests";

function view(overrides: Partial<RequestView["request"]> = {}, text = "Ensure birth registration for all children"): RequestView {
  return {
    request: {
      id: "7",
      eTag: '"1"',
      key: "1|rec:1|1",
      reportId: "1",
      subject: { kind: "recommendation", recommendationId: "1" },
      ministryId: "1",
      ministryRole: "lead",
      ask: "What was done?",
      dueDate: "2026-03-30",
      status: "sent",
      sentAt: "2026-03-02T09:00:00.000Z",
      createdBy: "sec-1",
      latestVersion: 0,
      notices: [],
      ...overrides,
    },
    subject: { kind: "recommendation", documentSymbol: "CRC/C/PER/CO/6-7", paragraph: "23(b)", text, recommendingStates: [] },
    access: "full",
    mayAnswer: true,
  };
}

const now = new Date("2026-03-02T09:00:00.000Z");

describe("cards speak the person's language", () => {
  it("Arabic cards are right-to-left, with Arabic dates", () => {
    const tr = createTranslator("ar-EG", "Africa/Cairo");
    const card = requestCard(view(), { tr, now }, { canAnswer: true });
    expect(card.rtl).toBe(true);
    expect(visibleText(card)).toMatch(/[\u0660-\u0669]/); // Arabic-Indic digits in the due date
  });

  it("an unknown locale falls back to the default, and a missing translation to English", () => {
    const tr = createTranslator("xx-INVALID-@@", "Not/AZone", "de-DE");
    expect(tr.locale).toBe("de-DE");
    expect(tr.timeZone).toBe("UTC");
    expect(tr.t("action.submit")).toBe("Submit"); // the bot has no German table: English words, German dates
    expect(tr.date("2026-03-30")).toBe("30. März 2026");
    expect(createTranslator("xx-INVALID-@@", undefined, "fr-FR").t("action.submit")).toBe("Envoyer la réponse");
  });

  it("a very long recommendation is shortened on the card, and says so", () => {
    const tr = createTranslator("en-GB");
    const card = requestCard(view({}, "x".repeat(10_000)), { tr, now }, { canAnswer: true });
    expect(JSON.stringify(card).length).toBeLessThan(8_000);
    expect(visibleText(card)).toContain("(shortened: the full text is in the NMIRF tab)");
  });

  it("the digest lists 30 overdue requests and counts the others", () => {
    const tr = createTranslator("en-GB");
    const views = Array.from({ length: 45 }, (_, i) => view({ id: String(i + 1), status: "overdue", dueDate: "2026-02-27" }));
    const text = visibleText(digestCard("2026-03-02", views, 45, { tr, now }));
    expect(text).toContain("45 requests are overdue.");
    expect(text).toContain("3 days late");
    expect(text).toContain("…and 15 more");
  });
});

describe("the focal point hears the secretariat's decisions in words", () => {
  it("a refusal of more time says the date stays, with the secretariat's reason, in French", () => {
    const tr = createTranslator("fr-FR", "Europe/Paris");
    const card = noticeCard({ kind: "notice", topic: "more-time-refused", text: "x", requestId: "7", comment: "Le rapport part le 10 avril" }, view(), { tr, now });
    expect(visibleText(card)).toContain("Délai supplémentaire refusé");
    expect(visibleText(card)).toContain("la demande reste à rendre le 30 mars 2026");
    expect(visibleText(card)).toContain("Le rapport part le 10 avril");
  });

  it("a request moved to another ministry names it", () => {
    const tr = createTranslator("en-GB");
    const card = noticeCard({ kind: "notice", topic: "reassigned", text: "x", requestId: "7", ministryName: "Ministry of Health" }, view({ status: "closed" }), { tr, now });
    expect(visibleText(card)).toContain("moved this request to the Ministry of Health");
  });
});

describe("the bot's lists speak in words", () => {
  const report = (id: string, title: string) => ({ id, eTag: '"1"', title, mechanism: "UPR" as const, type: "upr-national" as const, language: "en" as const, dueDate: "2026-12-01", timeZone: "Africa/Cairo", wordLimit: 10700, status: "collecting" as const, questions: [], reminderPolicy: { remindDaysBefore: [7], escalateDaysAfter: 1, sendAt: "09:00", dailyDigest: true }, sharedWithObservers: false, createdAt: "2026-01-01T00:00:00.000Z" });
  const cycle3 = { ...view({ id: "1" }, "Ratify the Optional Protocol to the Convention against Torture and set up a national preventive mechanism"), report: report("r3", "UPR national report, third cycle") };
  const cycle4 = { ...view({ id: "2", status: "answered" }, "Adopt a comprehensive anti-discrimination law covering all grounds"), report: report("r4", "UPR mid-term report, fourth cycle") };

  it("each request shows its recommendation's first words, its report and its due date; the counts agree with the greeting", () => {
    const tr = createTranslator("en-GB");
    const text = visibleText(myRequestsCard([cycle3, cycle4], { tr, now }));
    expect(text).toContain("Ratify the Optional Protocol to the Convention against Torture");
    expect(text).toContain("UPR national report, third cycle");
    expect(text).toContain("UPR mid-term report, fourth cycle");
    expect(text).toContain("30 March 2026 (in 28 days)");
    expect(text).toContain("1 waiting for an answer · 2 open requests");
  });

  it("which request an answer is for: two reports' same paragraph told apart", () => {
    const tr = createTranslator("en-GB");
    const card = chatAnswerCard([cycle3, cycle4], { text: "We did it", messageId: "m1", attachments: [] }, { tr, now });
    const choices = JSON.stringify(card);
    expect(choices).toContain("CRC/C/PER/CO/6-7, para. 23(b) — Ratify the Optional Protocol to the Convention");
    expect(choices).toContain("· UPR national report, third cycle · 30 March 2026");
    expect(choices).toContain("· UPR mid-term report, fourth cycle ·");
  });

  it("the more-time date picker opens at the due date, and times name their zone", () => {
    const tr = createTranslator("en-GB", "Africa/Cairo");
    const card = moreTimeCard(cycle3, { tr, now });
    expect(JSON.stringify(card)).toContain('"value":"2026-03-31"');
    expect(tr.dateTime("2026-03-02T09:00:00.000Z")).toMatch(/11:00.*(EET|GMT\+2)/);
  });
});

describe("a request about a visit's meeting or a communication's reply", () => {
  const about = (section: string, title: string): RequestView => ({ ...view({ subject: { kind: "section", section, title } }), subject: { kind: "section", section, title } });

  it("is named for what it is, not as a report's section", () => {
    const tr = createTranslator("en-GB");
    expect(visibleText(requestCard(about("visit-programme:meeting-1", "Minister of Justice, 2026-06-02 09:30"), { tr, now }, { canAnswer: true }))).toContain("Meeting of a visit: Minister of Justice, 2026-06-02 09:30");
    expect(visibleText(requestCard(about("communication-reply", "UA SVN 2/2026"), { tr, now }, { canAnswer: true }))).toContain("Reply to communication UA SVN 2/2026");
    expect(visibleText(requestCard(about("methodology", "Methodology"), { tr, now }, { canAnswer: true }))).toContain("Section: Methodology");
    expect(visibleText(requestCard(about("communication-reply", "UA SVN 2/2026"), { tr: createTranslator("fr-FR"), now }, { canAnswer: true }))).toContain("Réponse à la communication UA SVN 2/2026");
  });
});

describe("the secretariat's reminders of what is due beyond requests", () => {
  const communication = {
    id: "4",
    eTag: '"4,1"',
    reference: "UA SVN 2/2026",
    kind: "urgent-appeal" as const,
    mandates: ["Special Rapporteur on torture", "Working Group on Arbitrary Detention"],
    receivedOn: "2026-03-02",
    replyDueDate: "2026-04-01",
    status: "received" as const,
    timeZone: "Europe/Ljubljana",
    createdAt: "2026-03-02T09:00:00.000Z",
    createdBy: "sec-1",
  };

  it("says when the reply to a communication is due, or how late it is, in the reader's language", () => {
    const en = createTranslator("en-GB", "Europe/Ljubljana");
    expect(visibleText(communicationDueCard(communication, 7, en))).toContain("The reply to this communication is due in 7 days.");
    expect(visibleText(communicationDueCard(communication, 7, en))).toContain("Special Rapporteur on torture; Working Group on Arbitrary Detention");
    expect(visibleText(communicationDueCard(communication, -1, en))).toContain("The reply to this communication is 1 day late.");
    expect(visibleText(communicationDueCard(communication, 0, createTranslator("fr-FR", "Europe/Ljubljana")))).toContain("La réponse à cette communication est attendue aujourd'hui.");
  });
});
