/** Import files at the edge: the API's upload, the tab's Import view and `npx nmirf import` read files through here. */
export { readImportFile, readImportTable, type ImportTable, type ReadImportOptions } from "./read-import-file";
export { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./limits";
