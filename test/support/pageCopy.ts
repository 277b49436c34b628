/**
 * What the browser tests of the web page (SPEC §11) share, whatever drives the browser
 * (playwright-core and Chromium in test/browser/web.test.ts, puppeteer-core and Firefox ESR in
 * test/browser/firefox.test.ts): the built page, the fixed clock both the page and the command
 * line run at, and the check that a scored copy the page downloaded is the command line's own.
 *
 * Files go into one temporary folder per test file, removed after its tests (the `afterAll`
 * below registers in each test file that imports this module).
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { unzipSync } from "fflate";
import { runCli } from "./cli";

export const ROOT = path.resolve(__dirname, "../..");
/** The built single file (`npm run build`). */
const PAGE = path.join(ROOT, "dist/om-scorecard.html");
export const PAGE_URL = pathToFileURL(PAGE).href;
/** Screenshots go here. */
export const OUTPUT = path.join(ROOT, "test-output");
/** The clock both the page and the command line run at, so their run records are the same. */
export const NOW = Date.UTC(2025, 6, 1, 2, 3, 4);

let folder: string | undefined;
const dir = (): string => (folder ??= fs.mkdtempSync(path.join(os.tmpdir(), "om-page-copy-")));

afterAll(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/** Copies a file into the test folder under `name`. */
export function asFile(bytes: Uint8Array | string, name: string): string {
  const file = path.join(dir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The command line's scored copy of `file` with `args`, at the fixed clock. */
async function cliCopy(file: string, args: string[]): Promise<Uint8Array> {
  const out = path.join(dir(), `cli-${path.basename(file)}`);
  const r = await runCli(["assess", file, "--out", out, "--json", ...args], () => new Date(NOW));
  expect(r.code).toBeLessThan(2);
  return fs.readFileSync(out);
}

/** Each package entry, inflated. */
export const parts = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);

/** The page's copy equals the command line's, part by part; verify passes on it. */
export async function expectSameAsCli(
  file: string,
  copy: Uint8Array,
  args: string[]
): Promise<void> {
  const cli = parts(await cliCopy(file, args));
  const web = parts(copy);
  expect(Object.keys(web).sort()).toEqual(Object.keys(cli).sort());
  for (const name of Object.keys(cli))
    expect({ name, same: Buffer.compare(web[name], cli[name]) === 0 }).toEqual({
      name,
      same: true,
    });
  // Every part of the ledger itself is the original's, byte for byte.
  const original = parts(fs.readFileSync(file));
  const changed = Object.keys(original).filter(
    (n) => !web[n] || Buffer.compare(original[n], web[n]) !== 0
  );
  for (const n of changed)
    expect(n).toMatch(
      /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|docProps\/app\.xml|xl\/styles\.xml)$/
    );
  const saved = asFile(copy, `verify-${path.basename(file)}`);
  const v = await runCli(["verify", saved, "--json"]);
  expect(JSON.parse(v.out).outcome).toBe("match");
  expect(v.code).toBe(0);
  // Same total, tier and payable as the command line on the original.
  const fromCopy = JSON.parse(
    (await runCli(["assess", saved, "--json", "--out", `${saved}.again.xlsx`, ...args])).out
  );
  const fromFile = JSON.parse(
    (await runCli(["assess", file, "--json", "--out", `${saved}.orig.xlsx`, ...args])).out
  );
  expect([fromCopy.total, fromCopy.tier, fromCopy.tailAmount]).toEqual([
    fromFile.total,
    fromFile.tier,
    fromFile.tailAmount,
  ]);
}

/** A local web server holding the built page, and every path it was asked for. */
export interface Served {
  origin: string;
  /** The page's address on it. */
  url: string;
  served: string[];
  close: () => void;
}

/** Serves the built page at http://127.0.0.1:PORT/om-scorecard.html, and nothing else (404). */
export async function servePage(): Promise<Served> {
  const served: string[] = [];
  const server = http.createServer((req, res) => {
    served.push(req.url ?? "");
    if (req.url === "/om-scorecard.html")
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(fs.readFileSync(PAGE));
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, url: `${origin}/om-scorecard.html`, served, close: () => server.close() };
}
