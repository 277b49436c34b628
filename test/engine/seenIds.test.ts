import fc from "fast-check";
import { SeenIds } from "../../src/engine/ledger/seenIds";

/** The plain rule SeenIds must give: the row where each ID first stood, kept in a map. */
function reference(ids: string[]): (number | undefined)[] {
  const first = new Map<string, number>();
  return ids.map((id, row) => {
    const f = first.get(id);
    if (f === undefined) first.set(id, row);
    return f;
  });
}

describe("SeenIds, the repeated-ID check of the Tickets and Complaints tables", () => {
  test("names the first row of each repeated ID, in order or not", () => {
    const id = fc.oneof(
      fc.constantFrom("GD0000001", "GD0000002", "GD0000010", "T1", "T10", "T2", "", "张三"),
      fc.string({ maxLength: 3 })
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), fc.boolean(), (ids, sorted) => {
        const list = sorted ? [...ids].sort() : ids;
        const seen = new SeenIds();
        expect(list.map((x, row) => seen.firstRow(x, row))).toEqual(reference(list));
      }),
      { numRuns: 500, seed: 20241202 }
    );
  });

  test("an ID out of order after a long ascending run still finds its first row", () => {
    const seen = new SeenIds();
    for (let i = 0; i < 1000; i++) seen.firstRow(`GD${String(i).padStart(7, "0")}`, i + 2);
    expect(seen.firstRow("GD0000500", 2000)).toBe(502);
    expect(seen.firstRow("GD0001000", 2001)).toBeUndefined();
    expect(seen.firstRow("GD0001000", 2002)).toBe(2001);
  });
});
