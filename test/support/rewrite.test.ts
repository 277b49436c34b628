/** Tests that rewrite their own expectations refuse to under CI (test/support/rewrite.ts). */
import { mayRewrite } from "./rewrite";

describe("rewriting expectations", () => {
  test("is refused under CI=true, with a message naming the switch and CI", () => {
    for (const name of ["UPDATE_EXPECTED", "UPDATE_DOCS"] as const) {
      expect(() => mayRewrite(name, { [name]: "1", CI: "true" })).toThrow(
        new RegExp(`${name}.*refused under CI=true`)
      );
      expect(() => mayRewrite(name, { [name]: "1", CI: "1" })).toThrow(/refused under CI/);
    }
  });

  test("is done locally when asked, and not otherwise", () => {
    expect(mayRewrite("UPDATE_EXPECTED", { UPDATE_EXPECTED: "1" })).toBe(true);
    expect(mayRewrite("UPDATE_DOCS", { UPDATE_DOCS: "1", CI: "false" })).toBe(true);
    expect(mayRewrite("UPDATE_DOCS", {})).toBe(false);
    expect(mayRewrite("UPDATE_EXPECTED", { UPDATE_EXPECTED: "0" })).toBe(false);
    // Not asked: nothing to refuse, CI or not.
    expect(mayRewrite("UPDATE_EXPECTED", { CI: "true" })).toBe(false);
  });
});
