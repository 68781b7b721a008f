/**
 * drafts/: Word drafts of the State's reports, behind core's `DraftRenderer` port.
 */
export { DocxDraftRenderer } from "./docx-draft-renderer";
export { COMMENT_ID_BASE } from "./docx/draft-writer";
export {
  TEMPLATE_MAX_BYTES,
  TEMPLATE_MAX_FILES,
  TEMPLATE_MAX_UNPACKED_BYTES,
  TEMPLATE_PLACEHOLDERS,
  validateTemplate,
  type TemplateCheck,
  type TemplatePlaceholder,
} from "./templates/validate-template";
export { describeWordCount, wordCountOf } from "./word-count";
export { readCustomProperties } from "./docx/document-properties";
export { tallyWords, type TallyOptions, type WordTally } from "./word-tally";
export { cleanText } from "./text/clean-text";
export { demoDraftContent } from "./demo/demo-content";
export { LibreOfficePdfConverter, PdfUnavailableError, PDF_CONTENT_TYPE, findSoffice, type PdfConverter } from "./pdf/libreoffice-pdf-converter";
