#!/usr/bin/env node
"use strict";
// Entry point of the command line. The TypeScript is bundled into build/cli/main.js by
// `npm run build:cli` (webpack.cli.js; run automatically by `npm ci` / `npm install` through the
// `prepare` script).
let main;
try {
  ({ main } = require("../build/cli/main.js"));
} catch (e) {
  if (!e || e.code !== "MODULE_NOT_FOUND") throw e;
  process.stderr.write(
    "om-scorecard 尚未编译，请先运行 npm run build:cli。The command line is not built yet: run `npm run build:cli`.\n"
  );
  process.exitCode = 1;
  return;
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(
      `内部错误，请将以下信息报告给开发者（台账未被修改）。Internal error; please report it (the ledger was not changed):\n${err && err.stack ? err.stack : err}\n`
    );
    process.exitCode = 1;
  }
);
