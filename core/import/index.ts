/**
 * Importing recommendations: pure parsing of the rows a reader extracted from a file (OHCHR
 * thematic list, UHRI export, mapped CSV), and the plan of what an import would change.
 * The file readers live in importers/; the use cases in core/import/import-recommendations.
 */
export * from "./import-types";
export { parseOhchrThematicList, parsePositionSource, readDocumentFacts, KNOWN_HEADER_ROWS, type WordBlock, type WordDocumentContent, type ThematicListOptions } from "./ohchr-thematic-list";
export { parseUhriExport, isUhriHeader, UHRI_COLUMNS, type UhriOptions } from "./uhri-export";
export { parseMappedTable, parseColumnMapping, parseMapArgument, columnMappingSchema, MAPPABLE_FIELDS, TRANSLATABLE_FIELDS, suggestPosition, type ColumnMapping, type MappableField, type MappedTableOptions } from "./mapped-table";
export { profileTable, PROFILE_VALUES_PER_COLUMN, type ColumnProfile, type ProfiledValue, type TableProfile } from "./column-profile";
export { planImport, previewOf, sourceChanges, ExistingRecommendations, type ImportPlan, type PlannedCreate, type PlannedUpdate, type StoredRecommendation } from "./plan-import";
export { canonicalStateName, isKnownState, splitRecommendingStates, UN_MEMBER_STATES, OBSERVER_STATES } from "./recommending-states";
export { parseSdgs, parsePosition, parseDate, parseBody, parseSession, splitParagraph, splitMultiValue, themeLabel, groupLabel } from "./labels";
export { cellText, columnKey, type Cell, type Table } from "./table";
