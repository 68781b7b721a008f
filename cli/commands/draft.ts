import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { draftContentSchema } from "../../core/drafts/draft-content";
import { isDomainError } from "../../core/errors";
import { reportTypeSchema } from "../../core/records/taxonomy";
import { reportLanguageSchema } from "../../core/reports/report";
import { parseOrThrow } from "../../core/records/validate";
import { demoDraftContent, describeWordCount, DocxDraftRenderer, validateTemplate } from "../../drafts";
import { type Command, parseCommandArgs, USAGE_EXIT_CODE, usageProblem } from "../command";

const USAGE = `nmirf draft --demo [--type <report type>] [--language <en|fr|es|ar>] [--template <template.docx>] [--out <file.docx>]
       nmirf draft --content <content.json> [--template <template.docx>] [--out <file.docx>]
       nmirf draft --check-template <template.docx>

Writes a Word draft of a report without any server: --demo renders a small fictional report
(--type upr-national, upr-midterm, loipr-replies, follow-up, treaty-periodic...; default
upr-national; --language writes its fixed words, dates and titles in French, Spanish or
Arabic, right to left; default en); --content renders a draft's content saved as JSON (core's
DraftContent, whose report.language says its language).
--template patches the draft into a secretariat's .docx with {{placeholders}};
--check-template only checks such a template. Prints the word count against the limit.`;

/** `nmirf draft`: a Word draft for people to look at, or a template checked, with no server. */
export const draftCommand: Command = {
  name: "draft",
  summary: "write a Word draft (--demo, or --content from JSON) or check a template, without a server",
  usage: USAGE,
  async run(args) {
    const parsed = parseCommandArgs(
      args,
      {
        demo: { type: "boolean" },
        content: { type: "string" },
        type: { type: "string" },
        language: { type: "string" },
        template: { type: "string" },
        "check-template": { type: "string" },
        out: { type: "string" },
      },
      USAGE,
    );
    if (!parsed) return USAGE_EXIT_CODE;
    const options = parsed.values;
    const modes = [options.demo, options.content, options["check-template"]].filter((v) => v !== undefined && v !== false).length;
    if (modes !== 1) {
      return usageProblem("Choose one of --demo, --content or --check-template.", USAGE);
    }
    if (options.language !== undefined && !options.demo) return usageProblem("--language goes with --demo: a draft's content says its own language (report.language).", USAGE);

    try {
      if (options["check-template"]) {
        const check = await validateTemplate(await readFile(options["check-template"]));
        console.log(`The template can be used. Placeholders: ${check.placeholders.map((p) => `{{${p}}}`).join(", ")}.`);
        for (const note of check.notes) console.log(note);
        return 0;
      }
      const template = options.template ? new Uint8Array(await readFile(options.template)) : undefined;
      if (template) await validateTemplate(template);
      const content = options.content
        ? parseOrThrow(draftContentSchema, JSON.parse(await readFile(options.content, "utf8")) as unknown, "The draft's content")
        : demoDraftContent(parseOrThrow(reportTypeSchema, options.type ?? "upr-national", "The report type"), 3, parseOrThrow(reportLanguageSchema, options.language ?? "en", "The report's language"));
      const rendered = await new DocxDraftRenderer().render(content, { template });
      const out = options.out ?? (options.demo ? "nmirf-demo-draft.docx" : "nmirf-draft.docx");
      // Written beside the target then renamed, so a failure never leaves half a file.
      const partial = `${out}.partial`;
      try {
        await writeFile(partial, rendered.content);
        await rename(partial, out);
      } finally {
        await rm(partial, { force: true });
      }
      console.log(`Wrote ${out} (${Math.ceil(rendered.content.byteLength / 1024)} KB): ${describeWordCount(content.report.type, rendered.wordCount)}.`);
      return 0;
    } catch (error) {
      if (isDomainError(error)) {
        console.error(error.message);
        return 1;
      }
      if (error instanceof SyntaxError) {
        console.error(`The draft's content is not valid JSON: ${error.message}`);
        return 1;
      }
      const failure = error as NodeJS.ErrnoException | undefined;
      if (failure?.code === "ENOENT" || failure?.code === "EISDIR" || failure?.code === "EACCES") {
        console.error(`Cannot open ${failure.path ?? "the file"}: ${failure.code === "ENOENT" ? "no such file or folder" : failure.message}`);
        return 1;
      }
      throw error;
    }
  },
};
