import { readFileSync } from "node:fs";
import * as path from "node:path";
import { PROGRAM_VERSION } from "../../src/report/version";
import { canonicalCell, sha256Hex } from "../../src/report/fingerprint";

test("the version written into 考核记录 is package.json's", () => {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));
  expect(PROGRAM_VERSION).toBe(pkg.version);
});

test("the fingerprint's cells and hash are as docs/payment-document.md describes them", () => {
  expect([45474, -0, 0.35, "", null, " 张三", true, { error: "#N/A" }].map(canonicalCell)).toEqual([
    "45474",
    "0",
    "0.35",
    "null",
    "null",
    '" 张三"',
    "true",
    '{"error":"#N/A"}',
  ]);
  expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});
