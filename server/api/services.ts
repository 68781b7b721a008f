/** What the API's handlers are given: the ports, the read models, and the edge helpers. */
import type { ParsedImport } from "../../core/import";
import type { PdfConverter } from "../../drafts/pdf/libreoffice-pdf-converter";
import type { UseCaseDeps } from "../../core/ports/use-case-deps";
import type { ActorResolver } from "../auth/actors";
import type { LocalIssuer } from "../auth/local-issuer";
import type { ServerConfig } from "../config/config";
import type { Persona } from "../../demo/personas";
import type { ImportSessions } from "./import-sessions";

export interface TemplateChecker {
  (bytes: Uint8Array): Promise<{ placeholders: string[]; notes: string[] }>;
}

export interface ImportReader {
  (bytes: Uint8Array, options: { fileName?: string; format?: ParsedImport["format"]; mechanism?: string; documentSymbol?: string; session?: number; mapping?: unknown; maxFileBytes: number }): Promise<ParsedImport>;
}

export interface ApiServices {
  /** The ports, the read models (`deps.views`) and the mechanism's rules (`deps.rules`) the use cases receive. */
  deps: UseCaseDeps;
  actors: ActorResolver;
  imports: ImportSessions;
  readImport: ImportReader;
  checkTemplate: TemplateChecker;
  templateMaxBytes: number;
  /** Drafts as PDF (LibreOffice, when the server has it). */
  pdf: PdfConverter;
  config: ServerConfig;
  version: string;
  /** Local mode only. */
  localSignIn?: { issuer: LocalIssuer; personas: readonly Persona[] };
}
