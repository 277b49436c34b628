// Lint like an Office add-in: the configuration `office-addin-lint` applies (the yo office
// convention: eslint-plugin-office-addins' React rules with Prettier, office-addin-prettier-config),
// run by ESLint directly. `office-addin-lint` itself is not used because it reports usage data to
// Microsoft on every run, and this project sends nothing anywhere (see README, "Dependencies").
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

// The recommended block's TypeScript rules (its `files` leave out .tsx): applied to .tsx as well.
const typescriptBlock = officeAddins.configs.recommended.find(
  (c) => c.plugins && c.plugins["@typescript-eslint"]
);

export default [
  {
    // .tmp-bench/: the TMPDIR a benchmark run may be given inside the checkout (its .xlsx cache).
    ignores: [
      "dist/",
      "build/",
      "build-bench/",
      "node_modules/",
      "test-output/",
      "coverage/",
      ".tmp-bench/",
    ],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
      },
    },
    settings: { react: { version: "detect" } },
    rules: {
      // The new JSX transform: components need no `React` in scope.
      "react/react-in-jsx-scope": "off",
      // Types are checked by tsc (`npm run typecheck`), which knows TypeScript's globals and overloads.
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
  { files: ["**/*.tsx"], plugins: typescriptBlock.plugins, rules: typescriptBlock.rules },
  {
    // As office-addin-lint's test configuration: the Office.js load/sync rules are for add-in
    // code; tests drive fakes and exceljs objects whose properties need no load.
    files: ["test/**/*.{ts,tsx,js}", "bench/**/*.{ts,js}", "scripts/**/*.js"],
    languageOptions: { globals: { ...globals.jest } },
    rules: Object.fromEntries(
      Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, "off"])
    ),
  },
];
