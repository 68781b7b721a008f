/**
 * Drafts as PDF, by LibreOffice (soffice --headless --convert-to pdf), when the server has it.
 * Each conversion runs in a directory of its own with a LibreOffice profile of its own (two
 * soffice processes sharing a profile wait for each other or fail), one at a time per instance
 * (a conversion takes a CPU for seconds), and is killed past its timeout. soffice exits 0 even
 * when a conversion fails, so the PDF itself is checked.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { UnavailableError } from "../../core/errors";

/** Where LibreOffice is found: on the PATH, then where Debian, the tarball and macOS put it. */
export const SOFFICE_CANDIDATES = ["soffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"];

export const PDF_CONTENT_TYPE = "application/pdf";

export function runProgram(file: string, args: string[], timeoutMs: number): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      const timedOut = Boolean(error && (error as { killed?: boolean }).killed && code === null);
      resolve({ code, output: `${stdout}${stderr}${error && code === null ? ` (${error.message})` : ""}`, timedOut });
    });
  });
}

/** The first candidate that answers `--version`, or undefined when LibreOffice is not installed. */
export async function findSoffice(candidates: readonly string[] = SOFFICE_CANDIDATES): Promise<string | undefined> {
  for (const candidate of candidates) {
    if (candidate.includes("/") && !existsSync(candidate)) continue;
    const { code } = await runProgram(candidate, ["--version"], 60_000);
    if (code === 0) return candidate;
  }
  return undefined;
}

/** Why a draft is not converted, in words a person can act on (the server shows them as they are). */
export class PdfUnavailableError extends UnavailableError {
  constructor(
    readonly reason: "not-installed" | "timeout" | "failed",
    message: string,
  ) {
    super(message);
    this.name = "PdfUnavailableError";
  }
}

export interface PdfConverter {
  /** Whether drafts can be converted here (LibreOffice found). */
  available(): Promise<boolean>;
  /** The .docx as PDF; an `UnavailableError` saying why when it cannot be. */
  toPdf(docx: Uint8Array): Promise<Uint8Array>;
}

export interface LibreOfficeOptions {
  /** soffice's path; absent: the usual places. `off`: no conversion. */
  soffice?: string;
  timeoutMs: number;
}

export class LibreOfficePdfConverter implements PdfConverter {
  private found?: Promise<string | undefined>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: LibreOfficeOptions) {}

  private program(): Promise<string | undefined> {
    if (this.options.soffice === "off") return Promise.resolve(undefined);
    this.found ??= findSoffice(this.options.soffice ? [this.options.soffice] : SOFFICE_CANDIDATES);
    return this.found;
  }

  async available(): Promise<boolean> {
    return (await this.program()) !== undefined;
  }

  toPdf(docx: Uint8Array): Promise<Uint8Array> {
    const next = this.queue.then(() => this.convert(docx));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async convert(docx: Uint8Array): Promise<Uint8Array> {
    const soffice = await this.program();
    if (!soffice) throw new PdfUnavailableError("not-installed", "PDF is not available on this server: LibreOffice (soffice) is not installed. Download the .docx and save it as PDF in Word, or ask the administrator to install LibreOffice.");
    const work = await mkdtemp(path.join(tmpdir(), "nmirf-pdf-"));
    try {
      const input = path.join(work, "draft.docx");
      await writeFile(input, docx);
      const profile = pathToFileURL(path.join(work, "profile")).href;
      const { code, output, timedOut } = await runProgram(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, input], this.options.timeoutMs);
      if (timedOut) throw new PdfUnavailableError("timeout", `LibreOffice did not convert the draft to PDF within ${Math.round(this.options.timeoutMs / 1000)} seconds and was stopped. Try again, or download the .docx.`);
      const pdfPath = path.join(work, "draft.pdf");
      const pdf = existsSync(pdfPath) ? await readFile(pdfPath) : undefined;
      if (code !== 0 || !pdf || pdf.subarray(0, 5).toString("latin1") !== "%PDF-") {
        throw new PdfUnavailableError("failed", `LibreOffice could not convert the draft to PDF (${output.trim().slice(0, 300) || `exit code ${code}`}). Download the .docx instead.`);
      }
      return new Uint8Array(pdf);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}
