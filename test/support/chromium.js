/**
 * Debian's Chromium as the browser tests and the web page's bench start it (no browser is
 * downloaded here): headless, and with every background connection off, since this machine's
 * network is closed and Chromium would otherwise try Google's hosts at every start.
 * CommonJS, so that bench/web.js requires it as the tests do.
 */
"use strict";
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Start Chromium; `extraArgs` are added to the common ones.
 * @param {string[]} [extraArgs]
 * @returns {Promise<import("playwright-core").Browser>}
 */
function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extraArgs] });
}

module.exports = { CHROMIUM, launchChromium };
