/** What the API's handlers are given: the ports, the read models, and the edge helpers. */
import type { TableProfileDto } from "../../core/api/imports";
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

/** A CSV or Excel tracker's columns and values, before it is mapped (undefined for a Word document). */
export interface ImportTableReader {
  (bytes: Uint8Array, options: { fileName?: string; sheet?: string; headerRow?: number; maxFileBytes: number }): Promise<TableProfileDto | undefined>;
}

export interface ApiServices {
  /** The ports, the read models (`deps.views`) and the mechanism's rules (`deps.rules`) the use cases receive. */
  deps: UseCaseDeps;
  actors: ActorResolver;
  imports: ImportSessions;
  readImport: ImportReader;
  readImportTable: ImportTableReader;
  checkTemplate: TemplateChecker;
  templateMaxBytes: number;
  /** A .docx's custom document properties (the local stand-in for Word reads a draft's identity with them). */
  readDocumentProperties(docx: Uint8Array): Promise<Record<string, string>>;
  /** Drafts as PDF (LibreOffice, when the server has it). */
  pdf: PdfConverter;
  config: ServerConfig;
  version: string;
  /** Local mode only. */
  localSignIn?: { issuer: LocalIssuer; personas: readonly Persona[] };
}
