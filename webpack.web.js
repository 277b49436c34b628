/**
 * 网页版构建 / The web page's build (SPEC §11): dist/om-scorecard.html, one self-contained file
 * that runs the whole assessment in a browser, opened from disk or from any web server.
 *
 *   npx webpack --config webpack.web.js --mode production   (run by `npm run build`, after the
 *                                                           add-in's build, which cleans dist/)
 *
 * Two compilations, the second waiting for the first (webpack's `dependencies`):
 * 1. `web-worker`: src/web/worker.ts (reading, scoring and writing) into build/web/worker.js.
 * 2. `web-page`: src/web/index.tsx (the page, React and Fluent UI), then SingleFilePagePlugin
 *    writes src/web/page.html with both scripts inline: the page's as the one executable
 *    <script>, the worker's in a <script type="text/plain"> block the page turns into a blob:
 *    URL. The page's own .js file is then dropped from the output.
 * The Content-Security-Policy in the file's first lines names the page script by its SHA-256,
 * so that script and no other runs, and allows no connection of any kind.
 *
 * The blank ledger template (下载空白台账模板) is the command line's own (`om-scorecard template`,
 * exceljs, run here at build time) carried in the page as base64: it needs build/cli/main.js,
 * which `npm run build:cli` (run by `npm install` and `npm test`) makes.
 */
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const webpack = require("webpack");

const PAGE_FILE = "om-scorecard.html";
const PAGE_SCRIPT = "om-scorecard.page.js";
const WORKER_DIR = path.resolve(__dirname, "build/web");
const WORKER_FILE = "worker.js";

/**
 * The policy in the page's first lines: nothing may be fetched or connected to; only the page
 * script with this hash runs; styles may be inline; the worker comes from a blob: URL.
 * @param {string} scriptHash base64 SHA-256 of the page script's text
 */
function contentSecurityPolicy(scriptHash) {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    "worker-src blob:",
    "connect-src 'none'",
    "img-src 'none'",
    "font-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * A script's text made safe to sit inside <script>…</script>: `</script` and `<!--` cannot
 * occur raw (they would end the element or change how it is parsed); `<\/` means the same to
 * JavaScript inside strings, templates and regular expressions, where alone they can occur.
 * @param {string} js
 */
function inlineSafe(js) {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** The command line's blank template, as base64. */
function templateBase64() {
  const bin = path.resolve(__dirname, "bin/om-scorecard.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "om-web-template-"));
  const out = path.join(dir, "ledger-template.xlsx");
  try {
    const r = spawnSync(process.execPath, [bin, "template", "--out", out], { encoding: "utf8" });
    if (r.status !== 0)
      throw new Error(
        `om-scorecard template failed (run npm run build:cli first): ${r.stderr || r.error}`
      );
    return fs.readFileSync(out).toString("base64");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the one file: src/web/page.html with the page's script and the worker's inline and the
 * policy naming the page script's hash, then drops the page's own .js (and its licence file,
 * whose notices stay inline in the script). It runs after every optimisation of the script
 * (the transfer stage), so the hash is of the bytes that ship.
 */
class SingleFilePagePlugin {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("SingleFilePagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SingleFilePagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          const asset = compilation.getAsset(PAGE_SCRIPT);
          if (!asset) return; // the compilation failed and reported why
          const licence = compilation.getAsset(`${PAGE_SCRIPT}.LICENSE.txt`);
          const html = pageHtml(
            withLicence(asset.source.source().toString(), licence?.source.source().toString())
          );
          // Marked minimized: webpack's minimizer would otherwise rewrite the scripts inside it
          // (and the hash would no longer be theirs).
          compilation.emitAsset(PAGE_FILE, new sources.RawSource(html), { minimized: true });
          for (const name of Object.keys(compilation.assets))
            if (name.startsWith(PAGE_SCRIPT)) compilation.deleteAsset(name);
        }
      );
    });
  }
}

/**
 * The minimizer moves the bundled packages' licence notices into a NAME.LICENSE.txt file and
 * leaves a comment pointing there; in one file they come back inline, in that comment's place.
 * @param {string} js
 * @param {string | undefined} licence
 */
function withLicence(js, licence) {
  const pointer = /^\/\*! For license information please see [^*]+ \*\/\n?/;
  if (!licence) return js.replace(pointer, "");
  return js.replace(pointer, () => `/*!\n${licence.replace(/\*\//g, "* /")}\n*/\n`);
}

/** The page with both scripts inline and the policy naming the page script's hash. */
function pageHtml(pageScript) {
  const template = fs.readFileSync(path.resolve(__dirname, "src/web/page.html"), "utf8");
  const script = inlineSafe(pageScript);
  const workerFile = path.join(WORKER_DIR, WORKER_FILE);
  const workerLicence = `${workerFile}.LICENSE.txt`;
  const worker = inlineSafe(
    withLicence(
      fs.readFileSync(workerFile, "utf8"),
      fs.existsSync(workerLicence) ? fs.readFileSync(workerLicence, "utf8") : undefined
    )
  );
  const hash = crypto.createHash("sha256").update(script, "utf8").digest("base64");
  const fill = {
    __OM_CSP__: contentSecurityPolicy(hash),
    __OM_WORKER__: worker,
    __OM_SCRIPT__: script,
  };
  return template.replace(/__OM_(CSP|WORKER|SCRIPT)__/g, (m) => fill[m]);
}

/** What both compilations share: TypeScript through ts-loader, one file each, no source maps. */
function common(dev) {
  return {
    mode: dev ? "development" : "production",
    // No eval in development either: the policy allows no 'unsafe-eval'.
    devtool: false,
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: false },
            },
          },
        },
      ],
    },
    performance: { hints: false },
  };
}

/** The template's base64 literal, made once per webpack run. */
let templateLiteral;

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  return [
    {
      ...common(dev),
      name: "web-worker",
      target: "webworker",
      entry: { worker: "./src/web/worker.ts" },
      output: { path: WORKER_DIR, filename: WORKER_FILE, publicPath: "" },
    },
    {
      ...common(dev),
      name: "web-page",
      dependencies: ["web-worker"],
      target: "web",
      entry: { page: "./src/web/index.tsx" },
      output: {
        path: path.resolve(__dirname, "dist"),
        filename: PAGE_SCRIPT,
        publicPath: "",
        // dist/ holds the add-in's build too: never clean it here.
        clean: false,
      },
      optimization: { splitChunks: false, runtimeChunk: false },
      plugins: [
        new webpack.DefinePlugin({
          // Made when the page's code is compiled, not when this file is loaded: tools that
          // only read the configuration (knip in npm run lint) need no built command line.
          __OM_TEMPLATE_BASE64__: webpack.DefinePlugin.runtimeValue(() => {
            templateLiteral ??= JSON.stringify(templateBase64());
            return templateLiteral;
          }),
        }),
        new SingleFilePagePlugin(),
      ],
    },
  ];
};

module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.inlineSafe = inlineSafe;
