// @ts-check
/**
 * The import rules of src/, checked by dependency-cruiser in `npm run lint` (docs/architecture.md,
 * "Layers"). Three kinds of rule:
 *
 * 1. No import circle anywhere in src/, type-only imports included (`tsPreCompilationDeps`):
 *    a circle means two modules can only be understood together.
 * 2. The folders' arrows: each folder of src/ imports only the folders and packages listed for it
 *    in test/architecture.folders.json (the table test/architecture.test.ts checks too).
 * 3. The engine's layers: a module imports only from its own layer and the layers below it
 *    (ENGINE_LAYERS, lowest first). The vocabulary at the bottom imports nothing of ours.
 */

/**
 * Each folder of src/ and what it may import: src/ folders, packages and Node's modules. One
 * table for both checks: test/architecture.test.ts reads it too, and checks it file by file.
 */
const FOLDERS = require("./test/architecture.folders.json");

/**
 * The engine's layers, lowest first: a module imports only from its own layer and those below.
 * Paths are relative to src/engine; a folder stands for every module in it.
 */
const ENGINE_LAYERS = [
  // The vocabulary: whole days, exact ratios, cells as read, the ledger format as data, amounts in capitals.
  ["day", "ratio", "raw", "tables", "capitals"],
  // What every step uses: the statutory calendar, cell values, the message catalogue, diagnostics.
  ["calendar", "values", "messages", "diagnostics"],
  // The contract's terms: the profile and its pay rules.
  ["profile", "pay"],
  // Reading: locating the tables, reading their rows, the Contract table.
  ["schema", "ledger/", "contract"],
  // Scoring: the five dimensions and what is derived from them.
  ["dimensions/", "staffing", "months", "advice", "readings", "payments"],
  // The whole run, then the public surface.
  ["assess", "document"],
  ["index"],
];

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** The path pattern of engine modules by name ("day") or folder ("ledger/"). */
const enginePaths = (names) =>
  `^src/engine/(${names.map((n) => (n.endsWith("/") ? esc(n) : `${esc(n)}\\.ts$`)).join("|")})`;

/** What a folder's allowed list names, as dependency-cruiser's resolved paths. */
const allowedPath = (name) =>
  name.startsWith("src/")
    ? `^${esc(name)}/`
    : name.startsWith("node:") || name === "zlib"
      ? `^(node:)?${esc(name.replace(/^node:/, ""))}$`
      : `^node_modules/${esc(name)}/`;

const folderRules = Object.entries(FOLDERS).map(([folder, allowed]) => ({
  name: `src/${folder} imports only ${allowed.join(", ")}`,
  comment: "The arrows of docs/architecture.md (test/architecture.folders.json).",
  severity: "error",
  from: { path: `^src/${folder}/` },
  to: { pathNot: allowed.map(allowedPath) },
}));

const layerRules = ENGINE_LAYERS.slice(0, -1).map((layer, i) => ({
  name: `engine layer ${i}: ${layer.join(", ")}`,
  comment: `src/engine/{${layer.join(",")}} import nothing above their layer (ENGINE_LAYERS in this file).`,
  severity: "error",
  from: { path: enginePaths(layer) },
  to: { path: enginePaths(ENGINE_LAYERS.slice(i + 1).flat()) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import circle in src/, type-only imports included.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    ...folderRules,
    {
      name: "every-folder-has-its-arrows",
      comment: "A new folder of src/ gets its line in test/architecture.folders.json first.",
      severity: "error",
      from: { path: "^src/", pathNot: `^src/(${Object.keys(FOLDERS).join("|")})/` },
      to: {},
    },
    ...layerRules,
    {
      name: "engine-module-in-a-layer",
      comment:
        "Every engine module belongs to a layer of ENGINE_LAYERS (a new module is placed there first).",
      severity: "error",
      from: { path: "^src/engine/" },
      to: { path: "^src/engine/", pathNot: enginePaths(ENGINE_LAYERS.flat()) },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: `import type` makes a circle as surely as a value import.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
