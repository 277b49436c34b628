/**
 * 命令行构建 / The command line's build: src/cli/main.ts and everything it imports — the engine,
 * the report views, commander, chinese-days' calendar data, @noble/hashes — in one file,
 * build/cli/main.js, which bin/om-scorecard.js loads.
 *
 *   npx webpack --config webpack.cli.js   -> build/ (npm run build:cli, run by `npm ci` too)
 *
 * One file because Node then reads and compiles one file instead of resolving and loading 65
 * modules: start-up is about 20 ms shorter (docs/performance.md). `template` and `sample` are
 * chunks of their own (build/cli/template.js, build/cli/sample.js), loaded only when those
 * commands run, and exceljs, which only they use, stays in node_modules.
 *
 * Types are checked against tsconfig.cli.json (ES2022 and Node, no DOM): the command line's code
 * cannot lean on a browser global. Not minified, so an internal error's stack names our functions.
 */
const path = require("path");

module.exports = {
  mode: "production",
  target: "node20.15",
  devtool: false,
  entry: { "cli/main": "./src/cli/main.ts" },
  output: {
    path: path.resolve(__dirname, "build"),
    filename: "[name].js",
    chunkFilename: "[name].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  resolve: { extensions: [".ts", ".js", ".json"] },
  externals: { exceljs: "commonjs exceljs" },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          // ES modules: webpack joins the modules and splits `import()` into chunks.
          options: {
            configFile: path.resolve(__dirname, "tsconfig.cli.json"),
            compilerOptions: { module: "esnext" },
          },
        },
      },
    ],
  },
  optimization: { minimize: false },
  performance: { hints: false },
  stats: "errors-warnings",
};
