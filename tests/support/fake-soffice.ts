/**
 * A stand-in for LibreOffice's soffice, for tests about who gets a draft's PDF rather than about
 * the conversion (tests/server/draft-pdf.test.ts and tests/drafts convert with the real one): it
 * answers --version and writes a one-line PDF where soffice would, at once.
 */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function fakeSoffice(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "nmirf-fake-soffice-")), "soffice");
  // The input is the last argument; the PDF goes beside it, named as soffice names it.
  writeFileSync(file, '#!/bin/sh\nif [ "$1" = "--version" ]; then echo "LibreOffice (stand-in)"; exit 0; fi\nfor last; do :; done\nprintf "%%PDF-1.7 stand-in" > "${last%.docx}.pdf"\n');
  chmodSync(file, 0o755);
  return file;
}
