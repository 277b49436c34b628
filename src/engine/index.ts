/**
 * The scoring engine's public surface. Pure: no Office, DOM or file-system imports anywhere
 * under src/engine. Readers hand it `RawTable`s; it hands back an `Assessment`.
 */
export * from "./types";
export * from "./day";
export * from "./ratio";
export * from "./calendar";
export * from "./pay";
export { DEFAULT_PROFILE } from "./profile";
export { TABLES, SUMMARY_SHEET_NAME, locateTables, normalizeName, plainSheetColumns, MAX_HEADER_GAP, TITLE_ROWS_LIMIT, type TableDef, type ColumnDef, type Located } from "./schema";
export { assess } from "./assess";
export { diagnosticJson, toJson, type AssessmentJson, type DiagnosticJson } from "./json";
export { diag, diagnosticText, locationZh, messageOf, sortDiagnostics } from "./diagnostics";
