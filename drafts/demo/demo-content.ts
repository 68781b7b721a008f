import type { AnnexRow, DraftAnswer, DraftContent, DraftGap, DraftItem } from "../../core/drafts/draft-content";
import type { ImplementationStatus, Mechanism, ReportType, UprPosition } from "../../core/records/taxonomy";
import type { ReportLanguage } from "../../core/reports/report";

/**
 * A small, realistic draft's content for a fictional State, for `nmirf draft --demo` and for
 * tests: three thematic clusters, answers from several ministries (one in Arabic, one with
 * bullet points, one revised), requests still unanswered (one overdue, one declined), the
 * consultations held, and the annexed matrix with recommendations nobody was asked about.
 */
export function demoDraftContent(type: ReportType = "upr-national", version = 3, language: ReportLanguage = "en"): DraftContent {
  const content = demoContentInEnglish(type, version);
  return language === "en" ? content : { ...content, report: { ...content.report, language } };
}

function demoContentInEnglish(type: ReportType, version: number): DraftContent {
  const base = {
    version,
    compiledAt: "2026-11-29T10:15:00.000Z",
    compiledOn: "2026-11-29",
    consultations: CONSULTATIONS,
  };
  switch (type) {
    case "loipr-replies":
      return { ...base, report: report(type, "CCPR", "Replies of Examplia to the list of issues prior to reporting", { documentSymbol: "CCPR/C/EXA/QPR/4" }), items: questionItems(), annex: [] };
    case "follow-up":
      return { ...base, report: report(type, "CEDAW", "Information provided by Examplia in follow-up to the concluding observations", { documentSymbol: "CEDAW/C/EXA/FCO/9" }), items: followUpItems(), annex: [] };
    case "upr-midterm":
      return { ...base, report: report(type, "UPR", "Mid-term report of Examplia on the implementation of the recommendations of the fourth cycle", { cycle: 4 }), items: uprItems(false), annex: ANNEX };
    default:
      return {
        ...base,
        report: report(type, type === "upr-national" ? "UPR" : "CCPR", type === "upr-national" ? "National report of Examplia, Universal Periodic Review, fifth cycle" : "Periodic report of Examplia", {
          cycle: 5,
          session: 62,
          documentSymbol: "A/HRC/WG.6/62/EXA/1",
        }),
        items: type === "upr-national" ? uprItems(true) : [...uprItems(true).filter((i) => i.subject.kind !== "recommendation"), ...questionItems().slice(0, 1)],
        annex: type === "upr-national" ? ANNEX : [],
      };
  }
}

function report(type: ReportType, mechanism: Mechanism, title: string, extra: Partial<DraftContent["report"]>): DraftContent["report"] {
  return { id: "12", title, mechanism, type, dueDate: "2027-02-01", ...extra };
}

const MINISTRIES = {
  justice: { id: "3", name: "Ministry of Justice", focal: "Ana Novak" },
  education: { id: "4", name: "Ministry of Education", focal: "Marko Kovač" },
  labour: { id: "5", name: "Ministry of Labour, Family and Social Affairs", focal: "Lea Horvat" },
  interior: { id: "6", name: "Ministry of the Interior", focal: "Peter Zupan" },
  foreign: { id: "7", name: "Ministry of Foreign Affairs", focal: "Sara Mlakar" },
  culture: { id: "8", name: "Office for National Minorities", focal: "Yusuf Haddad" },
} as const;

type MinistryKey = keyof typeof MINISTRIES;

let nextId = 100;
function answer(ministry: MinistryKey, text: string, extra: Partial<DraftAnswer> = {}): DraftAnswer {
  const m = MINISTRIES[ministry];
  nextId += 1;
  return {
    requestId: String(nextId),
    contributionId: String(nextId + 500),
    ministryId: m.id,
    ministryName: m.name,
    authorName: m.focal,
    answeredAt: "2026-11-20T14:30:00.000Z",
    version: 1,
    text,
    attachments: [],
    ...extra,
  };
}

function gap(ministry: MinistryKey, dueDate: string, status: DraftGap["status"]): DraftGap {
  const m = MINISTRIES[ministry];
  nextId += 1;
  return { requestId: String(nextId), ministryId: m.id, ministryName: m.name, dueDate, status };
}

interface Recommendation {
  paragraph: string;
  text: string;
  states: string[];
  cluster: string;
  position: UprPosition;
  status: ImplementationStatus;
  lead?: string;
}

const SYMBOL = "A/HRC/47/11";
const RECOMMENDATIONS: Recommendation[] = [
  { paragraph: "140.7", text: "Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights", states: ["Maldives", "Portugal"], cluster: "Ratification of international instruments", position: "supported", status: "in-progress", lead: MINISTRIES.foreign.name },
  { paragraph: "140.11", text: "Accede to the 1961 Convention on the Reduction of Statelessness", states: ["North Macedonia"], cluster: "Ratification of international instruments", position: "supported", status: "implemented", lead: MINISTRIES.interior.name },
  { paragraph: "140.13", text: "Finalize the accession process to the 1961 Convention on the Reduction of Statelessness", states: ["Rwanda"], cluster: "Ratification of international instruments", position: "supported", status: "implemented", lead: MINISTRIES.interior.name },
  { paragraph: "140.32", text: "Continue efforts to combat discrimination against Roma, including in access to education and housing", states: ["Brazil", "Côte d'Ivoire"], cluster: "Equality and non-discrimination", position: "supported-in-part", status: "partially-implemented", lead: MINISTRIES.labour.name },
  { paragraph: "140.35", text: "Adopt a comprehensive strategy against hate speech, online and offline", states: ["Canada"], cluster: "Equality and non-discrimination", position: "supported", status: "not-started", lead: MINISTRIES.justice.name },
  { paragraph: "140.41", text: "Guarantee the linguistic rights of minorities, including education in the Arabic language where there is demand", states: ["Egypt", "Tunisia"], cluster: "Equality and non-discrimination", position: "supported", status: "in-progress", lead: MINISTRIES.culture.name },
  { paragraph: "140.58", text: "Ensure inclusive education for children with disabilities in mainstream schools", states: ["Spain"], cluster: "Right to education", position: "supported", status: "in-progress", lead: MINISTRIES.education.name },
  { paragraph: "140.61", text: "Introduce human rights education in the curricula of all levels of education", states: ["Morocco"], cluster: "Right to education", position: "supported", status: "not-assessed", lead: MINISTRIES.education.name },
  { paragraph: "140.90", text: "Abolish the criminal offence of defamation", states: ["Estonia"], cluster: "Freedom of expression", position: "noted", status: "not-started" },
];

function subjectOf(r: Recommendation): DraftItem["subject"] {
  return {
    kind: "recommendation",
    recommendationId: `r${r.paragraph}`,
    documentSymbol: SYMBOL,
    paragraph: r.paragraph,
    text: r.text,
    recommendingStates: r.states,
    position: r.position,
    cluster: r.cluster,
    themes: [r.cluster],
    status: r.status,
  };
}

const ANNEX: AnnexRow[] = RECOMMENDATIONS.map((r) => ({
  recommendationId: `r${r.paragraph}`,
  documentSymbol: SYMBOL,
  paragraph: r.paragraph,
  text: r.text,
  recommendingStates: r.states,
  position: r.position,
  cluster: r.cluster,
  leadMinistry: r.lead,
  status: r.status,
}));

const CONSULTATIONS: DraftContent["consultations"] = [
  { stakeholder: "the Human Rights Ombudsman", kind: "nhri", subject: "the draft national report", date: "2026-10-14", format: "meeting", summary: "The Ombudsman commented on chapters II and III; its comments are reflected in the text." },
  { stakeholder: "civil society organizations", kind: "civil-society", subject: "the outline of the national report", date: "2026-09-01", endDate: "2026-09-30", format: "written-comments", participants: 23 },
  { stakeholder: "the Coalition of non-governmental organizations for the UPR", kind: "civil-society", subject: "the implementation of the recommendations", date: "2026-10-21", format: "online" },
];

function byParagraph(paragraph: string): Recommendation {
  const found = RECOMMENDATIONS.find((r) => r.paragraph === paragraph);
  if (!found) throw new Error(`no demo recommendation ${paragraph}`);
  return found;
}

function uprItems(withSections: boolean): DraftItem[] {
  const sections: DraftItem[] = withSections
    ? [
        {
          subject: { kind: "section", section: "methodology", title: "Methodology and consultation process" },
          answers: [
            answer(
              "foreign",
              "The report was prepared by the National Mechanism for Implementation, Reporting and Follow-up, chaired by the Ministry of Foreign Affairs, from the contributions of 14 ministries and government offices.\nA draft was published for public consultation from 1 to 31 October 2026.",
            ),
          ],
          gaps: [],
        },
        {
          subject: { kind: "section", section: "developments", title: "Developments since the previous review" },
          answers: [],
          gaps: [gap("justice", "2026-11-15", "overdue")],
        },
      ]
    : [];
  const recommendation = (paragraph: string, answers: DraftAnswer[], gaps: DraftGap[] = []): DraftItem => ({ subject: subjectOf(byParagraph(paragraph)), answers, gaps });
  return [
    ...sections,
    recommendation("140.7", [
      answer("foreign", "The Government submitted the Optional Protocol to the National Assembly for ratification in June 2026; the Committee on Foreign Policy approved it on 12 October 2026.", {
        reportedStatus: "in-progress",
        version: 2,
        attachments: [{ name: "Government decision 2026-06.pdf", webUrl: "https://contoso.sharepoint.com/sites/nmirf/Evidence/decision.pdf" }],
      }),
    ]),
    recommendation("140.11", [answer("interior", "Examplia acceded to the 1961 Convention on the Reduction of Statelessness on 3 March 2025.", { reportedStatus: "implemented" })]),
    recommendation("140.32", [
      answer(
        "labour",
        "The National Programme of Measures for Roma 2021–2030 was adopted in 2021. Under it:\n- 412 Roma children attended pre-school in 2025, up from 250 in 2020;\n- 36 Roma assistants work in primary schools;\n• housing for 120 families was legalized.",
        { reportedStatus: "partially-implemented" },
      ),
      answer("education", "The Ministry of Education funds Roma assistants & extra lessons in 28 schools (budget: €1.2 million a year) ✅."),
    ]),
    recommendation("140.35", [], [gap("justice", "2026-11-15", "escalated")]),
    recommendation("140.41", [
      answer("culture", "يحق لأبناء الأقلية العربية تلقي التعليم بلغتهم الأم في المدارس الابتدائية حيثما وُجد طلب كافٍ.\nThe Office funded Arabic-language classes in 9 primary schools in 2025–2026.", {
        reportedStatus: "in-progress",
      }),
    ]),
    recommendation("140.58", [answer("education", "The Act on the Integrated Early Treatment of Pre-school Children with Special Needs entered into force in 2025.")], [gap("labour", "2026-12-10", "declined")]),
  ];
}

function questionItems(): DraftItem[] {
  return [
    {
      subject: { kind: "question", number: "1", text: "Please provide information on the measures taken to strengthen the independence and the resources of the Human Rights Ombudsman." },
      answers: [answer("justice", "The Ombudsman's budget was raised by 18 per cent in 2025, and a Human Rights Centre was established within its office.")],
      gaps: [],
    },
    {
      subject: { kind: "question", number: "2", text: "Please report on the steps taken to combat hate speech, including online." },
      answers: [],
      gaps: [gap("justice", "2026-11-30", "sent")],
    },
    {
      subject: { kind: "question", number: "3", text: "Please describe measures to prevent violence against women, including domestic violence." },
      answers: [
        answer("labour", "The Resolution on the National Programme for the Prevention of Domestic Violence 2024–2029 was adopted."),
        answer("interior", "Police officers received training on the new protocol on domestic violence in 2025."),
      ],
      gaps: [],
    },
  ];
}

function followUpItems(): DraftItem[] {
  const co = (paragraph: string, text: string) => ({
    kind: "recommendation" as const,
    recommendationId: `co${paragraph}`,
    documentSymbol: "CEDAW/C/EXA/CO/9",
    paragraph,
    text,
    recommendingStates: [],
    themes: [],
    status: "in-progress" as const,
  });
  return [
    {
      subject: co("12(a)", "Adopt a comprehensive definition of discrimination against women in its legislation, covering direct and indirect discrimination."),
      answers: [answer("justice", "Amendments to the Protection against Discrimination Act defining direct and indirect discrimination against women were adopted on 5 May 2026.")],
      gaps: [],
    },
    {
      subject: co("28(c)", "Increase the number of shelters for women victims of violence throughout its territory."),
      answers: [],
      gaps: [gap("labour", "2026-12-01", "overdue")],
    },
  ];
}
