/**
 * `npm run bench -- drafts`: compiling a UPR national report of 3,000 recommendations × 2
 * contributions with our renderer, against the same document built with bare `docx` calls
 * (no layout layer, no text cleaning, no word count) as the baseline. Each build runs in a
 * process of its own (warmed up on a small report first), so that each peak memory is its own;
 * builds alternate, and the medians are compared. The machine is shared, so the best wall
 * times are printed too, and the CPU times beside them (steadier when others load the machine).
 * Targets: our time at most 1.2 × the baseline's, peak memory at most 600 MB.
 */
import { spawnSync } from "node:child_process";
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  HighlightColor,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
  type ICommentOptions,
} from "docx";
import type { DraftContent } from "../core/drafts/draft-content";
import { syntheticUprContent } from "../drafts/demo/synthetic-content";
import { DocxDraftRenderer } from "../drafts/docx-draft-renderer";
import { peakMemoryMB, result, type Benchmark } from "./harness";

const RECOMMENDATIONS = 3000;
const ANSWERS = 2;
const ROUNDS = 5;
const WORKER_FLAG = "--drafts-worker";

type Variant = "ours" | "baseline";
interface Measure {
  ms: number;
  /** CPU time (user + system) of the build: steadier than wall time on a shared machine. */
  cpuMs: number;
  peakMB: number;
  bytes: number;
}

/** The same document as our renderer's, written with docx directly. */
async function bareDocx(content: DraftContent): Promise<Uint8Array> {
  const comments: ICommentOptions[] = [];
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  let footnote = 1;
  let comment = 1_000_000;
  const numbered = { reference: "p", level: 0 };
  const body: FileChild[] = [
    new Paragraph({ style: "Title", children: [new TextRun(content.report.title)] }),
    new Paragraph({ style: "Subtitle", children: [new TextRun("Universal Periodic Review, cycle 5, session 62")] }),
    new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "1-2" }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("I. Methodology and consultation process")] }),
    ...content.consultations.map((c) => new Paragraph({ numbering: numbered, children: [new TextRun(`On ${c.date}, ${c.stakeholder} was consulted on ${c.subject}.`)] })),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("II. Developments since the previous review")] }),
    new Paragraph({ children: [new TextRun({ text: "[Describe the developments.]", highlight: HighlightColor.YELLOW })] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("III. Implementation of accepted recommendations")] }),
  ];
  let cluster: string | undefined;
  let letter = 0;
  for (const item of content.items) {
    if (item.subject.kind !== "recommendation") continue;
    if (item.subject.cluster !== cluster) {
      cluster = item.subject.cluster;
      letter += 1;
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${String.fromCharCode(64 + letter)}. ${cluster ?? ""}`)] }));
    }
    let note: string | undefined = `${item.subject.documentSymbol}, para. ${item.subject.paragraph}.`;
    for (const answer of item.answers) {
      const id = comment++;
      comments.push({ id, author: answer.ministryName, initials: "M", date: new Date(answer.answeredAt), children: [new Paragraph(`${answer.ministryName}: answer by ${answer.authorName} (focal point).`), new Paragraph(`Reported status: ${answer.reportedStatus ?? ""}.`)] });
      const lines = answer.text.split("\n");
      lines.forEach((line, index) => {
        const children = [];
        if (index === 0) children.push(new CommentRangeStart(id));
        children.push(new TextRun(line));
        if (note) {
          footnotes[footnote] = { children: [new Paragraph({ style: "FootnoteText", children: [new TextRun(` ${note}`)] })] };
          children.push(new FootnoteReferenceRun(footnote++));
          note = undefined;
        }
        if (index === lines.length - 1) children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
        body.push(new Paragraph({ numbering: numbered, children }));
      });
    }
    for (const gap of item.gaps) {
      body.push(new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: `[Awaiting input from ${gap.ministryName}, due ${gap.dueDate}.]`, highlight: HighlightColor.YELLOW })] }));
    }
  }
  for (const title of ["IV. Achievements", "V. Priorities", "VI. Capacity-building needs"]) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }), new Paragraph({ children: [new TextRun({ text: "[Describe.]", highlight: HighlightColor.YELLOW })] }));
  }
  const cell = (text: string, bold = false, span?: number) =>
    new TableCell({ columnSpan: span, shading: bold ? { type: ShadingType.CLEAR, fill: "E7E6E6", color: "auto" } : undefined, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const rows = [new TableRow({ tableHeader: true, children: ["Recommendation", "Position", "Lead ministry", "Implementation status"].map((t) => cell(t, true)) })];
  let annexCluster: string | undefined;
  for (const row of content.annex) {
    if (row.cluster !== annexCluster) {
      annexCluster = row.cluster;
      rows.push(new TableRow({ cantSplit: true, children: [cell(`Theme: ${row.cluster ?? ""}`, true, 4)] }));
    }
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            children: [
              new Paragraph({ children: [new TextRun({ text: `${row.paragraph} `, bold: true }), new TextRun(`${row.text} (${row.recommendingStates.join(", ")})`)] }),
              new Paragraph({ children: [new TextRun({ text: `Source: ${row.documentSymbol}`, italics: true, size: 16 })] }),
            ],
          }),
          cell(row.position ?? "—"),
          cell(row.leadMinistry ?? "—"),
          cell(row.status),
        ],
      }),
    );
  }
  const widths = [7400, 1900, 2600, 2058];
  const header = (width: number) =>
    new Header({ children: [new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: width }], children: [new TextRun(content.report.title), new TextRun({ children: [new Tab(), "Draft v1 — 29 November 2026"] })] })] });
  const footers = { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) };
  const document = new Document({
    numbering: { config: [{ reference: "p", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 567 } } } }] }] },
    comments: { children: comments },
    footnotes,
    features: { updateFields: true },
    sections: [
      { headers: { default: header(9026) }, footers, children: body },
      {
        headers: { default: header(13958) },
        footers,
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Annex")] }), new Table({ rows, columnWidths: widths, width: { size: widths.reduce((a, b) => a + b), type: WidthType.DXA }, layout: TableLayoutType.FIXED })],
      },
    ],
  });
  return Packer.toBuffer(document);
}

async function build(variant: Variant, content: DraftContent): Promise<Uint8Array> {
  return variant === "ours" ? (await new DocxDraftRenderer().render(content)).content : bareDocx(content);
}

/** One build in this process: warm up on a small report, then time the big one. */
async function worker(variant: Variant): Promise<Measure> {
  await build(variant, syntheticUprContent({ recommendations: 50, answersPerRecommendation: ANSWERS }));
  const content = syntheticUprContent({ recommendations: RECOMMENDATIONS, answersPerRecommendation: ANSWERS });
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const bytes = await build(variant, content);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, peakMB: peakMemoryMB(), bytes: bytes.byteLength };
}

function measureInChild(variant: Variant): Measure {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, WORKER_FLAG, variant], { encoding: "utf8", maxBuffer: 1024 * 1024 });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{")) throw new Error(`the ${variant} build failed: ${child.stderr || child.stdout}`);
  return JSON.parse(line) as Measure;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const best = (values: number[]) => Math.min(...values);

export const benchmarks: Benchmark[] = [
  {
    name: "drafts-upr-3000x2",
    async run() {
      const ours: Measure[] = [];
      const baseline: Measure[] = [];
      // ABBA order, so that neither side always runs first in a round.
      for (let round = 0; round < ROUNDS; round += 1) {
        const order: Variant[] = round % 2 === 0 ? ["baseline", "ours"] : ["ours", "baseline"];
        for (const variant of order) (variant === "ours" ? ours : baseline).push(measureInChild(variant));
      }
      const name = `drafts-upr-${RECOMMENDATIONS}x${ANSWERS}`;
      const oursPeak = Math.max(...ours.map((m) => m.peakMB));
      return [
        result(`${name}-time`, median(ours.map((m) => m.ms)), "ms", {
          ideal: median(baseline.map((m) => m.ms)),
          target: 1.2,
          baseline: "the same document with bare docx calls",
          statistic: `median of ${ROUNDS}`,
          best: Math.round(best(ours.map((m) => m.ms))),
          baselineBest: Math.round(best(baseline.map((m) => m.ms))),
        }),
        result(`${name}-cpu-time`, median(ours.map((m) => m.cpuMs)), "ms", { ideal: median(baseline.map((m) => m.cpuMs)), target: 1.2, statistic: `median of ${ROUNDS}` }),
        result(`${name}-peak-memory`, oursPeak, "MB", { ideal: Math.max(...baseline.map((m) => m.peakMB)), limit: 600, withinLimit: oursPeak <= 600 }),
        result(`${name}-file-size`, (ours[0]?.bytes ?? 0) / 1024, "KB", { ideal: (baseline[0]?.bytes ?? 0) / 1024 }),
      ];
    },
  },
];

if (process.argv.includes(WORKER_FLAG)) {
  const variant = process.argv[process.argv.indexOf(WORKER_FLAG) + 1] as Variant;
  worker(variant).then(
    (measure) => console.log(JSON.stringify(measure)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
