/**
 * 加载项构建 / Add-in build: the task pane and the custom functions, both in one shared runtime
 * (taskpane.html loads the two chunks), plus functions.json, the manifest and the icons. The
 * ribbon's only button opens the task pane (ShowTaskpane), which needs no code, so there is no
 * commands chunk: the manifest's FunctionFile is taskpane.html itself (shared runtime).
 *
 *   npx webpack --mode production        -> dist/ (npm run build)
 *   npx webpack serve --mode development -> https://localhost:3000 (npm run dev)
 *   ADDIN_URL=https://host/path npx webpack --mode production
 *                                        -> dist/manifest.xml points at https://host/path
 *
 *   OFFICE_JS_URL=china npx webpack --mode production
 *                                        -> office.js from the 21Vianet CDN (Office 365 in China)
 *   OFFICE_JS_URL=self npx webpack --mode production
 *                                        -> office.js served from dist/office-js/ (intranets),
 *                                           copied from the @microsoft/office-js package
 *   OFFICE_JS_URL=https://host/office.js -> any other https copy
 *
 * No telemetry and no network access beyond office.js, which taskpane.html loads from the URL
 * above (Microsoft's global CDN by default). docs/add-in-deployment.md gives Microsoft's caveats.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000";
const DEV_PORT = 3000;
const FUNCTIONS_FILE = "./src/functions/functions.ts";
const FUNCTIONS_JSON = "functions.json";
/** The task pane's ES5 boot script, inlined into taskpane.html (SPEC §13, old webviews). */
const BOOT_SCRIPT = path.join(__dirname, "src/taskpane/boot/boot.js");

/** Where office.js comes from: the script tag src/taskpane/taskpane.html carries. */
const OFFICE_JS_GLOBAL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Office 365 operated by 21Vianet (China) serves office.js from its own CDN. */
const OFFICE_JS_CHINA =
  "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";
/** OFFICE_JS_URL=self: the @microsoft/office-js package's dist/ is copied here in the build. */
const OFFICE_JS_SELF_DIR = "office-js";

/**
 * The office.js URL for `OFFICE_JS_URL`: empty for the global CDN, `china` (or `21vianet`) for
 * the 21Vianet CDN, `self` for the copy in the build (a URL relative to taskpane.html), or an
 * https URL.
 * @param {string | undefined} value
 * @returns {{ url: string, self: boolean }}
 */
function officeJsUrl(value) {
  const v = (value ?? "").trim();
  if (v === "" || v.toLowerCase() === "global") return { url: OFFICE_JS_GLOBAL, self: false };
  if (/^(china|21vianet)$/i.test(v)) return { url: OFFICE_JS_CHINA, self: false };
  if (v.toLowerCase() === "self") return { url: `${OFFICE_JS_SELF_DIR}/office.js`, self: true };
  let parsed;
  try {
    parsed = new URL(v);
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.protocol !== "https:") {
    throw new Error(
      `OFFICE_JS_URL 应为空、china、self 或 https:// 网址 / OFFICE_JS_URL must be empty, china, self or an https:// URL (got ${value})`
    );
  }
  return { url: v, self: false };
}

/** Points taskpane.html's office.js script at `url` as HtmlWebpackPlugin emits it. */
class OfficeJsUrlPlugin {
  /** @param {string} url */
  constructor(url) {
    this.url = url;
  }
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsUrlPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("OfficeJsUrlPlugin", (data) => {
        if (!data.html.includes(OFFICE_JS_GLOBAL))
          throw new Error(`taskpane.html no longer loads ${OFFICE_JS_GLOBAL}`);
        data.html = data.html.split(OFFICE_JS_GLOBAL).join(this.url);
        return data;
      });
    });
  }
}

/**
 * The base URL the add-in is served from: `ADDIN_URL` without a trailing slash, or the dev
 * server. Refuses anything but https, since Office loads add-ins only over https.
 * @param {string | undefined} value
 * @returns {string}
 */
function addinUrl(value) {
  if (value === undefined || value.trim() === "") return DEV_URL;
  const url = value.trim().replace(/\/+$/, "");
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ADDIN_URL 不是有效的网址 / ADDIN_URL is not a valid URL: ${value}`);
  }
  if (parsed.protocol !== "https:") {
    throw new Error(
      `ADDIN_URL 必须以 https:// 开头 / ADDIN_URL must start with https:// (got ${value})`
    );
  }
  if (parsed.search || parsed.hash) {
    throw new Error(
      `ADDIN_URL 不能带 ? 或 # / ADDIN_URL must not have a query or fragment: ${value}`
    );
  }
  return url;
}

/**
 * The manifest as served from `baseUrl`: every `https://localhost:3000` replaced.
 * @param {string} xml
 * @param {string} baseUrl
 * @returns {string}
 */
function rewriteManifest(xml, baseUrl) {
  return baseUrl === DEV_URL ? xml : xml.split(DEV_URL).join(baseUrl);
}

/**
 * functions.json without `allowCustomDataForDataTypeAny`. custom-functions-metadata always writes
 * that flag (CustomFunctionsRuntime 1.4, data types in `any` arguments) and has no option to leave
 * it out; nothing here needs it, and it is linked to custom functions failing to register on
 * perpetual Excel 2021 (OfficeDev/office-js#4385, #3504).
 * @param {string} json
 * @returns {string}
 */
function stripDataTypeFlag(json) {
  const meta = JSON.parse(json);
  delete meta.allowCustomDataForDataTypeAny;
  return JSON.stringify(meta, null, 4);
}

/** Rewrites the metadata plugin's functions.json asset with `stripDataTypeFlag`. */
class StripDataTypeFlagPlugin {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("StripDataTypeFlagPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "StripDataTypeFlagPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(FUNCTIONS_JSON);
          if (!asset) return; // the metadata plugin reported an error instead
          const json = stripDataTypeFlag(asset.source.source().toString());
          compilation.updateAsset(FUNCTIONS_JSON, new sources.RawSource(json));
        }
      );
    });
  }
}

/**
 * HTTPS for the dev server: the certificate `npx office-addin-dev-certs install` puts in
 * ~/.office-addin-dev-certs when it exists (trusted, so desktop Excel accepts it), otherwise
 * webpack-dev-server's own self-signed one (fine for Excel on the web after accepting it once in
 * the browser).
 */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    return {
      type: "https",
      options: Object.fromEntries(
        Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])
      ),
    };
  }
  return { type: "https" };
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = addinUrl(process.env.ADDIN_URL);
  const officeJs = officeJsUrl(process.env.OFFICE_JS_URL);
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTIONS_FILE,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules let webpack tree-shake; type errors are `npm run typecheck`'s job.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } },
          },
        },
        // chinese-days' ESM entry is misparsed as strict ESM (SETUP-NOTES); the engine imports
        // its plain JSON instead, and this keeps an import of the package itself working too.
        {
          test: /[\\/]node_modules[\\/]chinese-days[\\/]dist[\\/]index\.es\.js$/,
          type: "javascript/auto",
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: FUNCTIONS_JSON, input: FUNCTIONS_FILE }),
      new StripDataTypeFlagPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane and the custom functions run in this one page, which is
        // also the manifest's FunctionFile for the ribbon.
        chunks: ["taskpane", "functions"],
        // After office.js, which sits in the body after the boot text (see taskpane.html).
        inject: "body",
        // The ES5 boot script, inlined so it runs before anything is requested.
        templateParameters: { bootScript: fs.readFileSync(BOOT_SCRIPT, "utf8").trim() },
      }),
      new OfficeJsUrlPlugin(officeJs.url),
      new CopyWebpackPlugin({
        // Files are named one by one: a glob such as manifest*.xml made `webpack serve` rebuild
        // in a loop (SETUP-NOTES).
        patterns: [
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString("utf8"), baseUrl),
          },
          ...[16, 32, 64, 80].map((size) => ({
            from: `assets/icon-${size}.png`,
            to: `assets/icon-${size}.png`,
          })),
          // OFFICE_JS_URL=self: the whole dist/ of @microsoft/office-js (office.js loads its
          // host- and locale-specific files from beside itself).
          ...(officeJs.self
            ? [
                {
                  from: path.dirname(require.resolve("@microsoft/office-js/dist/office.js")),
                  to: OFFICE_JS_SELF_DIR,
                },
              ]
            : []),
        ],
      }),
    ],
    performance: {
      // React and Fluent UI make the task pane bundle larger than webpack's 244 KB default hint.
      maxAssetSize: 2_000_000,
      maxEntrypointSize: 2_000_000,
    },
    devServer: {
      port: DEV_PORT,
      server: devServerHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.addinUrl = addinUrl;
module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_URL = DEV_URL;
module.exports.stripDataTypeFlag = stripDataTypeFlag;
module.exports.officeJsUrl = officeJsUrl;
module.exports.OFFICE_JS_GLOBAL = OFFICE_JS_GLOBAL;
module.exports.OFFICE_JS_CHINA = OFFICE_JS_CHINA;
