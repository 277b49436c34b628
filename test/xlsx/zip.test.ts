import { strToU8 } from "fflate";
import { nodeCodec } from "../../src/cli/nodeCodec";
import { extract, readZip, writeZip } from "../../src/workbook/zip";
import { rawWorkbook } from "./helpers";

describe("zip container", () => {
  it("copies entries without re-encoding them and writes new ones deterministically", () => {
    const src = readZip(
      rawWorkbook([{ name: "S", xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }]),
      nodeCodec
    );
    const out = writeZip(
      src,
      [
        ...src.entries.map((entry) => ({ kind: "copy" as const, entry })),
        { kind: "new", name: "x/新.xml", data: strToU8("<a/>") },
      ],
      nodeCodec
    );
    const back = readZip(out, nodeCodec);
    expect(back.entries.map((e) => e.name)).toEqual([
      ...src.entries.map((e) => e.name),
      "x/新.xml",
    ]);
    for (const e of src.entries) {
      const f = back.byName.get(e.name.toLowerCase())!;
      expect([f.crc, f.compressedSize, f.method]).toEqual([e.crc, e.compressedSize, e.method]);
      expect(Buffer.compare(Buffer.from(extract(back, f)), Buffer.from(extract(src, e)))).toBe(0);
    }
    expect(new TextDecoder().decode(extract(back, back.byName.get("x/新.xml")!))).toBe("<a/>");
    expect(back.byName.get("x/新.xml")!.flags & 0x800).toBe(0x800); // UTF-8 name flag
    const again = writeZip(
      src,
      [
        ...src.entries.map((entry) => ({ kind: "copy" as const, entry })),
        { kind: "new", name: "x/新.xml", data: strToU8("<a/>") },
      ],
      nodeCodec
    );
    expect(Buffer.compare(Buffer.from(out), Buffer.from(again))).toBe(0);
  });
});
