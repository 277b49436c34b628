/*
 * A small fake of the Excel JavaScript API (Office.js), enough for the adapter in src/excel.
 * Plain JavaScript so that jest (require) and the browser test (a <script> served in place of
 * the office.js CDN file) share it.
 *
 * It behaves like Office.js where the adapter could get it wrong:
 * - calls on proxies are only queued; `context.sync()` runs the queue in order;
 * - a property can be read only after `load` and `sync` (else PropertyNotLoaded), except
 *   `isNullObject` of an object from a *OrNullObject method, which any sync after the call
 *   makes known (Microsoft's "*OrNullObject methods" guidance reads it after a bare sync, and
 *   eslint-plugin-office-addins flags loading it);
 * - when an operation fails, the ones before it in the batch stay applied (no transaction),
 *   the ones after it do not run, and `sync()` rejects;
 * - each sync records the JSON size of its request and response, and a request or response
 *   over `payloadLimit` (5 MB, as Excel on the web) is rejected (the record says `failed`);
 * - deleting a sheet turns every formula and name referring to it into #REF! (`deleted` lists
 *   the deleted sheets), as Excel does even when a sheet of that name comes back;
 * - a protected workbook structure refuses adding, deleting, renaming and moving sheets, a
 *   protected sheet refuses cell writes and clears; `protection.protected` reports both;
 * - workbook names (`names.getItemOrNullObject`, `names.add`) refuse a duplicate name and a
 *   comment over 255 characters;
 * - writing a string follows Excel's input rules: a leading apostrophe makes literal text and
 *   is not stored; a cell formatted "@" keeps text; otherwise "=..." becomes a formula and a
 *   numeric-looking string a number;
 * - `worksheet.tables.add(range, true)` (ExcelApi 1.1; a Range argument 1.3) makes the range's
 *   first row the header and refuses a range overlapping another table; `table.name` refuses a
 *   name another table has; `workbook.tables.getItemOrNullObject` (1.4); a table's
 *   `showHeaders` / `showTotals` (1.3), `columns` names and `getRange()` (1.1) — a totals row is
 *   outside `getDataBodyRange()`; `getHeaderRowRange()` of a table whose header row is hidden is
 *   refused (Office.js does not document what it returns);
 * - `worksheet.freezePanes.freezeRows` (1.7);
 * - `range.dataValidation` rule / errorAlert / prompt (ExcelApi 1.8) is refused unless the host
 *   reports ExcelApi 1.8, as Office.js hosts without it do; `sheet.validations` records them;
 * - a name's `value` / `type` (ExcelApi 1.1) evaluates `=LAMBDA(x,x+1)(1)` to 2, or to #NAME?
 *   on an Excel without LAMBDA (`lambda: false`: Excel 2021, 2019); `NamedItem.delete` (1.4).
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.OfficeFake = api;
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  const MB = 1024 * 1024;

  function officeError(code, message) {
    const e = new Error(message);
    e.name = "RichApi.Error";
    e.code = code;
    return e;
  }

  function utf8Bytes(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
    }
    return n;
  }

  // ---------------------------------------------------------------- the workbook model
  function newSheet(name) {
    return {
      name,
      rows: [],
      formats: new Map(),
      bold: new Set(),
      fill: new Map(),
      columnWidths: {},
      charts: [],
      visible: true,
      rowHeights: {},
      pageLayout: { headersFooters: {} },
      pageBreaks: [],
      /** Data validations set through Range.dataValidation: { box, rule, errorAlert, prompt }. */
      validations: [],
      /** Rows frozen at the top (worksheet.freezePanes.freezeRows). */
      frozenRows: 0,
      wrap: new Set(),
      /** Font sizes (format.font.size) and indents (format.indentLevel) by "r,c"; merged ranges as "r,c,rows,cols". */
      fontSize: new Map(),
      indent: new Map(),
      valign: new Map(),
      merges: [],
    };
  }

  function createWorkbook(spec) {
    const wb = {
      sheets: [],
      tables: [],
      date1904: !!(spec && spec.date1904),
      active: null,
      selection: null,
      /** Workbook-scope names: { name, formula, comment }. */
      names: ((spec && spec.names) || []).map((n) => ({ ...n })),
      /** Workbook structure protection (Review > Protect Workbook). */
      protectedStructure: !!(spec && spec.protectedStructure),
      /** Names of sheets deleted so far, in order (references to them became #REF!). */
      deleted: [],
    };
    for (const s of (spec && spec.sheets) || []) {
      const sheet = newSheet(s.name);
      sheet.rows = (s.cells || []).map((r) => r.slice());
      sheet.protected = !!s.protected;
      // Merged areas as A1 ranges ("A2:A3"): as in Excel, only the first cell holds the value.
      sheet.merges = (s.merges || []).map((a) => parseAddress(sheet, a));
      // Number formats by A1 address ({ B2: "0%" }).
      for (const [a, f] of Object.entries(s.formats || {})) {
        const b = parseAddress(sheet, a);
        sheet.formats.set(`${b.r},${b.c}`, f);
      }
      wb.sheets.push(sheet);
      for (const t of s.tables || []) {
        wb.tables.push({
          name: t.name,
          sheet,
          headerRow: t.headerRow || 0,
          col: t.firstColumn || 0,
          cols: t.columns,
          rows: t.rows,
          // Table.showHeaders (ExcelApi 1.3): false when Table Design > Header Row is off; the
          // columns keep their names (Table.columns, TableColumn.name) all the same.
          showHeaders: t.showHeaders !== false,
          columnNames: t.columnNames || null,
          // A totals row under the body (Table.showTotals); getDataBodyRange leaves it out.
          showTotals: !!t.totalsRow,
        });
      }
    }
    wb.active = wb.sheets[0] || null;
    return wb;
  }

  /** Value stored in a cell (null, number, boolean, string, {error}, {formula}). */
  function cellAt(sheet, r, c) {
    const row = sheet.rows[r];
    const v = row ? row[c] : undefined;
    return v === undefined ? null : v;
  }

  function setCell(sheet, r, c, v) {
    while (sheet.rows.length <= r) sheet.rows.push([]);
    sheet.rows[r][c] = v;
  }

  /** What Excel stores when a value is entered, given the cell's number format. */
  function enter(value, format) {
    if (value === null || value === undefined || value === "") return null;
    if (typeof value !== "string") return value;
    if (value.startsWith("'")) return value.slice(1);
    if (format === "@") return value;
    if (value.startsWith("=") || (/^[+\-@]/.test(value) && value.length > 1))
      return { formula: value };
    if (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*%?\s*$/i.test(value))
      return { coerced: Number(value.replace("%", "")) };
    if (/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(value)) return { coerced: "date" };
    if (/^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
    return value;
  }

  function valueOf(v) {
    if (v === null) return "";
    if (typeof v === "object") {
      if ("error" in v) return v.error;
      if ("formula" in v) return 0; // evaluated: the fake does not compute formulas
      if ("coerced" in v) return v.coerced;
    }
    return v;
  }

  function typeOf(v) {
    if (v === null) return "Empty";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    if (typeof v === "string") return "String";
    if ("error" in v) return "Error";
    return "Double";
  }

  function usedBox(sheet) {
    let r0 = Infinity,
      r1 = -1,
      c0 = Infinity,
      c1 = -1;
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      });
    });
    if (r1 < 0) return { sheet, r: 0, c: 0, rows: 1, cols: 1 };
    return { sheet, r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  function colNumber(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  }
  function colLetters(n) {
    let s = "";
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
      s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  }

  function parseAddress(sheet, address) {
    const whole = /^([A-Z]+):([A-Z]+)$/i.exec(address);
    if (whole) {
      const c0 = colNumber(whole[1]) - 1,
        c1 = colNumber(whole[2]) - 1;
      return { sheet, r: 0, c: c0, rows: 1048576, cols: c1 - c0 + 1, wholeColumns: true };
    }
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address);
    if (!m) throw officeError("InvalidArgument", `bad address ${address}`);
    const r0 = Number(m[2]) - 1,
      c0 = colNumber(m[1]) - 1;
    const r1 = m[3] ? Number(m[4]) - 1 : r0,
      c1 = m[3] ? colNumber(m[3]) - 1 : c0;
    return { sheet, r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  function addressOf(box) {
    const a = `${colLetters(box.c + 1)}${box.r + 1}`;
    const b = `${colLetters(box.c + box.cols)}${box.r + box.rows}`;
    return `${box.sheet.name}!${a === b ? a : `${a}:${b}`}`;
  }

  /**
   * As Excel does when a sheet is deleted: every formula referring to it (`考核结果!B2`,
   * `'考核结果'!B2`) now says #REF! there and evaluates to #REF!, even after a sheet of the
   * same name comes back. Workbook names referring to it break the same way.
   */
  function breakReferences(wb, name) {
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(
      `(?:'${esc.replace(/'/g, "''")}'|${esc})!\\$?[A-Z]+\\$?\\d+(?::\\$?[A-Z]+\\$?\\d+)?`,
      "gi"
    );
    const fix = (f) => f.replace(re, "#REF!");
    for (const sheet of wb.sheets)
      sheet.rows.forEach((row) => {
        if (!row) return;
        row.forEach((v, c) => {
          if (v && typeof v === "object" && "formula" in v && re.test(v.formula)) {
            re.lastIndex = 0;
            row[c] = { formula: fix(v.formula), error: "#REF!" };
          }
          re.lastIndex = 0;
        });
      });
    for (const n of wb.names) if (re.test(n.formula)) n.formula = fix(n.formula);
  }

  function checkAlive(wb, sheet) {
    if (!wb.sheets.includes(sheet))
      throw officeError("ItemNotFound", `sheet ${sheet.name} no longer exists`);
  }

  // ---------------------------------------------------------------- proxies
  class Proxy {
    constructor(ctx, path, resolve) {
      this._ctx = ctx;
      this._path = path;
      this._resolve = resolve; // () => model object, run at sync time
      this._obj = undefined;
      this._data = {};
    }
    _target() {
      if (this._obj === undefined) this._obj = this._resolve();
      return this._obj;
    }
    _queue(action, args, run) {
      this._ctx._ops.push({ path: this._path, action, args, run });
    }
    _get(prop) {
      if (!(prop in this._data)) {
        throw officeError(
          "PropertyNotLoaded",
          `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
        );
      }
      return this._data[prop];
    }
    load(props) {
      const list =
        typeof props === "string"
          ? props
              .split(",")
              .map((p) => p.trim())
              .filter(Boolean)
          : props || [];
      this._queue("load", list, () => {
        const out = {};
        for (const p of list) out[p] = this._read(p);
        return { proxy: this, data: out };
      });
      return this;
    }
    _read(prop) {
      throw officeError("PropertyNotFound", `${prop} cannot be loaded on ${this._path}`);
    }
    /** For a *OrNullObject result: the next sync tells whether it is a null object. */
    _nullable() {
      this._queue("nullCheck", [], () => ({
        proxy: this,
        data: { isNullObject: this._target() === null },
      }));
      return this;
    }
  }

  function settable(cls, props) {
    for (const p of props) {
      Object.defineProperty(cls.prototype, p, {
        get() {
          return this._get(p);
        },
        set(v) {
          this._queue("set", { [p]: v }, () => this._set(p, v));
        },
        configurable: true,
      });
    }
  }
  function readonly(cls, props) {
    for (const p of props)
      Object.defineProperty(cls.prototype, p, {
        get() {
          return this._get(p);
        },
        configurable: true,
      });
  }

  class FunctionResult extends Proxy {
    _read(p) {
      if (p === "value") return this._target();
      return super._read(p);
    }
  }
  readonly(FunctionResult, ["value"]);

  class RangeFormatPart extends Proxy {
    _set(p, v) {
      const box = this._target();
      checkAlive(this._ctx._wb, box.sheet);
      const kind = this._kind;
      if (kind === "font" && p === "bold")
        forEachCell(box, (r, c) =>
          v ? box.sheet.bold.add(`${r},${c}`) : box.sheet.bold.delete(`${r},${c}`)
        );
      else if (kind === "fill" && p === "color")
        forEachCell(box, (r, c) => box.sheet.fill.set(`${r},${c}`, v));
      else if (kind === "format" && p === "columnWidth")
        for (let c = box.c; c < box.c + box.cols; c++) box.sheet.columnWidths[c] = v;
      else if (kind === "format" && p === "wrapText")
        forEachCell(box, (r, c) =>
          v ? box.sheet.wrap.add(`${r},${c}`) : box.sheet.wrap.delete(`${r},${c}`)
        );
      else if (kind === "font" && p === "size")
        forEachCell(box, (r, c) => box.sheet.fontSize.set(`${r},${c}`, v));
      else if (kind === "format" && p === "verticalAlignment")
        forEachCell(box, (r, c) => box.sheet.valign.set(`${r},${c}`, v));
      else if (kind === "format" && p === "indentLevel")
        forEachCell(box, (r, c) => box.sheet.indent.set(`${r},${c}`, v));
      else if (kind === "format" && p === "rowHeight")
        for (let r = box.r; r < box.r + box.rows; r++) box.sheet.rowHeights[r] = v;
      else throw officeError("InvalidArgument", `cannot set ${kind}.${p}`);
    }
  }
  settable(RangeFormatPart, [
    "bold",
    "color",
    "columnWidth",
    "rowHeight",
    "wrapText",
    "size",
    "indentLevel",
    "verticalAlignment",
  ]);

  // Range.dataValidation (ExcelApi 1.8): rule, errorAlert and prompt, each refused unless the
  // host reports ExcelApi 1.8. Setting them on a range records one validation for that range.
  function needs(ctx, version, what) {
    if (!ctx._host.apiVersions.some((v) => Number(v) >= Number(version)))
      throw officeError("ApiNotFound", `${what} needs ExcelApi ${version}, which this host lacks`);
  }
  class DataValidation extends Proxy {
    _set(p, v) {
      needs(this._ctx, "1.8", `dataValidation.${p}`);
      const box = this._target();
      checkAlive(this._ctx._wb, box.sheet);
      if (box.sheet.protected) throw officeError("AccessDenied", "the sheet is protected");
      if (p === "rule" && (!v || Object.keys(v).length !== 1))
        throw officeError("InvalidArgument", "a rule has exactly one kind (list, decimal, …)");
      const same = (x) =>
        x.box.r === box.r &&
        x.box.c === box.c &&
        x.box.rows === box.rows &&
        x.box.cols === box.cols;
      let entry = box.sheet.validations.find(same);
      if (!entry) {
        // A new validation replaces any other on the cells it covers.
        box.sheet.validations = box.sheet.validations.filter(
          (x) =>
            x.box.r + x.box.rows <= box.r ||
            box.r + box.rows <= x.box.r ||
            x.box.c + x.box.cols <= box.c ||
            box.c + box.cols <= x.box.c
        );
        entry = { box: { r: box.r, c: box.c, rows: box.rows, cols: box.cols } };
        box.sheet.validations.push(entry);
      }
      entry[p] = v;
    }
  }
  settable(DataValidation, ["rule", "errorAlert", "prompt"]);

  // Worksheet.pageLayout (ExcelApi 1.9): the properties and methods the adapter uses. Each is
  // refused unless the host reports ExcelApi 1.9, as Office.js hosts without it do.
  function needs19(ctx, what) {
    if (!ctx._host.apiVersions.includes("1.9"))
      throw officeError("ApiNotFound", `${what} needs ExcelApi 1.9, which this host lacks`);
  }
  class HeaderFooter extends Proxy {
    _set(p, v) {
      needs19(this._ctx, `headersFooters.defaultForAllPages.${p}`);
      this._target().pageLayout.headersFooters[p] = v;
    }
  }
  settable(HeaderFooter, [
    "leftHeader",
    "centerHeader",
    "rightHeader",
    "leftFooter",
    "centerFooter",
    "rightFooter",
  ]);
  class PageLayout extends Proxy {
    get headersFooters() {
      return {
        defaultForAllPages: new HeaderFooter(
          this._ctx,
          `${this._path}.headersFooters.defaultForAllPages`,
          () => this._target()
        ),
      };
    }
    _set(p, v) {
      needs19(this._ctx, `pageLayout.${p}`);
      const s = this._target();
      checkAlive(this._ctx._wb, s);
      s.pageLayout[p] = v;
    }
    setPrintTitleRows(rows) {
      this._queue("setPrintTitleRows", [rows], () => {
        needs19(this._ctx, "setPrintTitleRows");
        this._target().pageLayout.printTitleRows = rows;
      });
    }
    setPrintArea(area) {
      this._queue("setPrintArea", [area], () => {
        needs19(this._ctx, "setPrintArea");
        this._target().pageLayout.printArea = area;
      });
    }
  }
  settable(PageLayout, [
    "orientation",
    "paperSize",
    "zoom",
    "leftMargin",
    "rightMargin",
    "topMargin",
    "bottomMargin",
    "headerMargin",
    "footerMargin",
    "centerHorizontally",
  ]);

  function forEachCell(box, fn) {
    const rows = box.wholeColumns ? Math.max(box.sheet.rows.length, 1) : box.rows;
    for (let r = box.r; r < box.r + rows; r++)
      for (let c = box.c; c < box.c + box.cols; c++) fn(r, c);
  }

  class Range extends Proxy {
    get dataValidation() {
      return new DataValidation(this._ctx, `${this._path}.dataValidation`, () => this._target());
    }
    get format() {
      const f = new RangeFormatPart(this._ctx, `${this._path}.format`, () => this._target());
      f._kind = "format";
      f.font = new RangeFormatPart(this._ctx, `${this._path}.format.font`, () => this._target());
      f.font._kind = "font";
      f.fill = new RangeFormatPart(this._ctx, `${this._path}.format.fill`, () => this._target());
      f.fill._kind = "fill";
      return f;
    }
    _derive(name, fn) {
      return new Range(this._ctx, `${this._path}.${name}`, () => fn(this._target()));
    }
    getRow(i) {
      return this._derive(`getRow(${i})`, (b) => ({
        sheet: b.sheet,
        r: b.r + i,
        c: b.c,
        rows: 1,
        cols: b.cols,
      }));
    }
    getResizedRange(dr, dc) {
      return this._derive(`getResizedRange(${dr},${dc})`, (b) => {
        if (b.rows + dr < 1 || b.cols + dc < 1)
          throw officeError("InvalidArgument", "resized range is empty");
        return { sheet: b.sheet, r: b.r, c: b.c, rows: b.rows + dr, cols: b.cols + dc };
      });
    }
    getCell(r, c) {
      return this._derive(`getCell(${r},${c})`, (b) => ({
        sheet: b.sheet,
        r: b.r + r,
        c: b.c + c,
        rows: 1,
        cols: 1,
      }));
    }
    /**
     * ExcelApi 1.13: the merged areas whose top-left cell lies in this range (as Office.js
     * documents it), or a null object when there is none.
     */
    getMergedAreasOrNullObject() {
      const areas = new RangeAreas(this._ctx, `${this._path}.getMergedAreasOrNullObject()`, () => {
        const b = this._target();
        if (b === null) return null;
        const found = (b.sheet.merges || []).filter(
          (m) => m.r >= b.r && m.r < b.r + b.rows && m.c >= b.c && m.c < b.c + b.cols
        );
        return found.length ? found : null;
      });
      return areas._nullable();
    }
    /** The bounding box of the cells with values inside this range, or a null object. */
    getUsedRangeOrNullObject(valuesOnly) {
      return this._usedRange(valuesOnly)._nullable();
    }
    _usedRange(valuesOnly) {
      return this._derive(`getUsedRangeOrNullObject(${!!valuesOnly})`, (b) => {
        let r0 = Infinity,
          r1 = -1,
          c0 = Infinity,
          c1 = -1;
        const last = Math.min(b.r + b.rows, b.sheet.rows.length);
        for (let r = b.r; r < last; r++) {
          const row = b.sheet.rows[r];
          if (!row) continue;
          const end = Math.min(b.c + b.cols, row.length);
          for (let c = b.c; c < end; c++) {
            const v = row[c];
            if (v === null || v === undefined) continue;
            r0 = Math.min(r0, r);
            r1 = Math.max(r1, r);
            c0 = Math.min(c0, c);
            c1 = Math.max(c1, c);
          }
        }
        return r1 < 0
          ? null
          : { sheet: b.sheet, r: r0, c: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
      });
    }
    /** Merges the range's cells (ExcelApi 1.2 Range.merge): recorded as "r,c,rows,cols". */
    merge(across) {
      this._queue("merge", [across], () => {
        const b = this._target();
        checkAlive(this._ctx._wb, b.sheet);
        b.sheet.merges.push(`${b.r},${b.c},${b.rows},${b.cols}`);
      });
    }
    /** Clears values and formats (ExcelApi 1.1 Range.clear()). */
    clear() {
      this._queue("clear", [], () => {
        const b = this._target();
        checkAlive(this._ctx._wb, b.sheet);
        if (b.sheet.protected) throw officeError("AccessDenied", "the sheet is protected");
        const rows = b.wholeSheet
          ? b.sheet.rows.length
          : Math.min(b.r + b.rows, b.sheet.rows.length);
        for (let r = b.r; r < rows; r++) {
          const row = b.sheet.rows[r];
          if (!row) continue;
          for (let c = b.c; c < Math.min(b.c + b.cols, row.length); c++) row[c] = undefined;
        }
        for (const key of [...b.sheet.formats.keys(), ...b.sheet.bold, ...b.sheet.fill.keys()]) {
          const [r, c] = key.split(",").map(Number);
          if (r >= b.r && r < b.r + b.rows && c >= b.c && c < b.c + b.cols) {
            b.sheet.formats.delete(key);
            b.sheet.bold.delete(key);
            b.sheet.fill.delete(key);
          }
        }
        b.sheet.columnWidths = {};
      });
    }
    select() {
      this._queue("select", [], () => {
        const b = this._target();
        checkAlive(this._ctx._wb, b.sheet);
        this._ctx._wb.selection = { sheet: b.sheet.name, address: addressOf(b).split("!")[1] };
      });
    }
    _read(p) {
      const b = this._target();
      if (p === "isNullObject") return b === null;
      if (b === null) return null;
      checkAlive(this._ctx._wb, b.sheet);
      const grid = (fn) => {
        const out = [];
        for (let r = 0; r < b.rows; r++) {
          const row = [];
          for (let c = 0; c < b.cols; c++) row.push(fn(b.r + r, b.c + c));
          out.push(row);
        }
        return out;
      };
      switch (p) {
        case "values":
          return grid((r, c) => valueOf(cellAt(b.sheet, r, c)));
        case "valueTypes":
          return grid((r, c) => typeOf(cellAt(b.sheet, r, c)));
        case "numberFormat":
          return grid((r, c) => b.sheet.formats.get(`${r},${c}`) || "General");
        case "rowIndex":
          return b.r;
        case "columnIndex":
          return b.c;
        case "rowCount":
          return b.rows;
        case "columnCount":
          return b.cols;
        case "address":
          return addressOf(b);
        default:
          return super._read(p);
      }
    }
    _set(p, v) {
      const b = this._target();
      const wb = this._ctx._wb;
      checkAlive(wb, b.sheet);
      if (b.sheet.protected) throw officeError("AccessDenied", "the sheet is protected");
      if (wb.tables.some((t) => t.sheet === b.sheet))
        this._ctx._host.ledgerWrites.push({ sheet: b.sheet.name, prop: p });
      if (
        !Array.isArray(v) ||
        v.length !== b.rows ||
        v.some((row) => !Array.isArray(row) || row.length !== b.cols)
      ) {
        throw officeError(
          "InvalidArgument",
          `${p}: the array does not match the range size ${b.rows}x${b.cols}`
        );
      }
      this._ctx._host.cellWrites.push({ sheet: b.sheet.name, prop: p, r: b.r, c: b.c, data: v });
      for (let r = 0; r < b.rows; r++) {
        for (let c = 0; c < b.cols; c++) {
          const rr = b.r + r,
            cc = b.c + c;
          if (p === "values")
            setCell(b.sheet, rr, cc, enter(v[r][c], b.sheet.formats.get(`${rr},${cc}`)));
          else if (p === "numberFormat") b.sheet.formats.set(`${rr},${cc}`, v[r][c]);
          else throw officeError("InvalidArgument", `cannot set ${p}`);
        }
      }
    }
  }
  readonly(Range, [
    "values",
    "valueTypes",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "address",
    "isNullObject",
  ]);
  Object.defineProperty(Range.prototype, "values", {
    get() {
      return this._get("values");
    },
    set(v) {
      this._queue("set", { values: v }, () => this._set("values", v));
    },
  });
  Object.defineProperty(Range.prototype, "numberFormat", {
    get() {
      return this._get("numberFormat");
    },
    set(v) {
      this._queue("set", { numberFormat: v }, () => this._set("numberFormat", v));
    },
  });

  /** RangeAreas: only `areas/items/<rowIndex|columnIndex|rowCount|columnCount>` and isNullObject. */
  class RangeAreas extends Proxy {
    _read(p) {
      const list = this._target();
      if (p === "isNullObject") return list === null;
      const m = /^areas\/items\/(rowIndex|columnIndex|rowCount|columnCount)$/.exec(p);
      if (!m) return super._read(p);
      const key = { rowIndex: "r", columnIndex: "c", rowCount: "rows", columnCount: "cols" }[m[1]];
      return (list || []).map((b) => b[key]);
    }
    get isNullObject() {
      return this._get("isNullObject");
    }
    get areas() {
      const cols = ["rowIndex", "columnIndex", "rowCount", "columnCount"];
      const data = cols.map((c) => this._get(`areas/items/${c}`));
      return {
        items: data[0].map((_, i) => Object.fromEntries(cols.map((c, j) => [c, data[j][i]]))),
      };
    }
  }

  class ChartPart extends Proxy {
    _set(p, v) {
      const chart = this._target();
      if (this._kind === "title") chart.title = v;
      else if (this._kind === "legend") chart.legend = v;
      else if (this._kind === "series") chart.series[this._index].name = v;
    }
    setValues(range) {
      this._queue("setValues", [range._path], () => {
        this._target().series[this._index].values = addressOf(range._target());
      });
    }
    setXAxisValues(range) {
      this._queue("setXAxisValues", [range._path], () => {
        this._target().series[this._index].categories = addressOf(range._target());
      });
    }
  }
  settable(ChartPart, ["text", "position", "name"]);

  class Chart extends Proxy {
    _read(p) {
      if (p === "name") return this._target().name || "Chart 1";
      return super._read(p);
    }
    get title() {
      const p = new ChartPart(this._ctx, `${this._path}.title`, () => this._target());
      p._kind = "title";
      return p;
    }
    get legend() {
      const p = new ChartPart(this._ctx, `${this._path}.legend`, () => this._target());
      p._kind = "legend";
      return p;
    }
    get series() {
      const chart = this;
      return {
        getItemAt(i) {
          const p = new ChartPart(chart._ctx, `${chart._path}.series.getItemAt(${i})`, () => {
            const c = chart._target();
            if (!c.series[i]) throw officeError("ItemNotFound", `no series ${i}`);
            return c;
          });
          p._kind = "series";
          p._index = i;
          return p;
        },
        add(name) {
          const holder = { index: -1 };
          const p = new ChartPart(
            chart._ctx,
            `${chart._path}.series.add(${JSON.stringify(name)})`,
            () => chart._target()
          );
          p._kind = "series";
          chart._queue("addSeries", [name], () => {
            const c = chart._target();
            c.series.push({ name });
            p._index = c.series.length - 1;
            holder.index = p._index;
          });
          return p;
        },
      };
    }
    setPosition(a, b) {
      this._queue("setPosition", [a, b], () => {
        this._target().position = [a, b];
      });
    }
  }

  class Worksheet extends Proxy {
    get protection() {
      return new Protection(this._ctx, `${this._path}.protection`, () => {
        const sheet = this._target();
        checkAlive(this._ctx._wb, sheet);
        return { kind: "sheet", sheet };
      });
    }
    get freezePanes() {
      const ws = this;
      return {
        freezeRows(n) {
          ws._queue("freezeRows", [n], () => {
            const s = ws._target();
            checkAlive(ws._ctx._wb, s);
            s.frozenRows = n;
          });
        },
      };
    }
    /** worksheet.tables.add(range or address, hasHeaders): a new table over the range. */
    get tables() {
      const ws = this;
      const ctx = this._ctx;
      return {
        add(range, hasHeaders) {
          const table = new Table(ctx, `${ws._path}.tables.add`, () => table._created);
          ws._queue(
            "addTable",
            [typeof range === "string" ? range : range._path, hasHeaders],
            () => {
              const s = ws._target();
              const wb = ctx._wb;
              checkAlive(wb, s);
              if (s.protected) throw officeError("AccessDenied", "the sheet is protected");
              if (hasHeaders !== true)
                throw officeError("InvalidArgument", "the fake takes hasHeaders true only");
              const box = typeof range === "string" ? parseAddress(s, range) : range._target();
              if (box.sheet !== s) throw officeError("InvalidArgument", "range on another sheet");
              if (box.rows < 2) throw officeError("InvalidArgument", "a table needs a data row");
              const overlaps = wb.tables.some(
                (t) =>
                  t.sheet === s &&
                  !(
                    t.headerRow + t.rows + 1 <= box.r ||
                    box.r + box.rows <= t.headerRow ||
                    t.col + t.cols <= box.c ||
                    box.c + box.cols <= t.col
                  )
              );
              if (overlaps)
                throw officeError("InvalidOperation", "a table cannot overlap another table");
              let n = wb.tables.length + 1;
              while (wb.tables.some((t) => t.name === `Table${n}`)) n++;
              const t = {
                name: `Table${n}`,
                sheet: s,
                headerRow: box.r,
                col: box.c,
                cols: box.cols,
                rows: box.rows - 1,
              };
              // Excel names an empty header cell Column1, Column2, …
              for (let c = 0; c < box.cols; c++)
                if (cellAt(s, box.r, box.c + c) === null)
                  setCell(s, box.r, box.c + c, `Column${c + 1}`);
              wb.tables.push(t);
              table._created = t;
            }
          );
          return table;
        },
      };
    }
    get pageLayout() {
      return new PageLayout(this._ctx, `${this._path}.pageLayout`, () => this._target());
    }
    get horizontalPageBreaks() {
      const ws = this;
      return {
        add(at) {
          ws._queue("addPageBreak", [at], () => {
            needs19(ws._ctx, "horizontalPageBreaks.add");
            const s = ws._target();
            checkAlive(ws._ctx._wb, s);
            s.pageBreaks.push(at);
          });
        },
        /** Removes every manual page break of the sheet (ExcelApi 1.9). */
        removePageBreaks() {
          ws._queue("removePageBreaks", [], () => {
            needs19(ws._ctx, "horizontalPageBreaks.removePageBreaks");
            const s = ws._target();
            checkAlive(ws._ctx._wb, s);
            s.pageBreaks = [];
          });
        },
      };
    }
    get charts() {
      const ws = this;
      return {
        /** charts.load("items"): items whose delete() removes the chart. */
        load(props) {
          const coll = new Collection(
            ws._ctx,
            `${ws._path}.charts`,
            () => ws._target().charts.slice(),
            (i, o) => {
              const c = new Chart(ws._ctx, `${ws._path}.charts[${i}]`, () => o);
              c.delete = () =>
                ws._queue("deleteChart", [i], () => {
                  const list = ws._target().charts;
                  if (list.includes(o)) list.splice(list.indexOf(o), 1);
                });
              return c;
            }
          );
          this._coll = coll.load(props || "items");
          return this._coll;
        },
        get items() {
          if (!this._coll) throw officeError("PropertyNotLoaded", "charts not loaded");
          return this._coll.items;
        },
        add(type, range, seriesBy) {
          const chart = new Chart(ws._ctx, `${ws._path}.charts.add(${type})`, () => chart._created);
          ws._queue("addChart", [type, range._path, seriesBy], () => {
            const sheet = ws._target();
            checkAlive(ws._ctx._wb, sheet);
            const host = ws._ctx._host;
            if (host.failWhen && host.failWhen({ action: "addChart", sheet: sheet.name }))
              throw officeError("GeneralException", "fake failure while adding the chart");
            const c = {
              type,
              seriesBy,
              title: null,
              legend: null,
              series: [{ name: null, values: addressOf(range._target()) }],
            };
            sheet.charts.push(c);
            chart._created = c;
          });
          return chart;
        },
      };
    }
    /** The used range (cells with values), or a null object for a sheet without any. */
    getUsedRangeOrNullObject(valuesOnly) {
      return new Range(this._ctx, `${this._path}.getUsedRangeOrNullObject(${!!valuesOnly})`, () => {
        const s = this._target();
        checkAlive(this._ctx._wb, s);
        const box = usedBox(s);
        return cellAt(s, box.r, box.c) === null && box.rows === 1 && box.cols === 1 ? null : box;
      })._nullable();
    }
    getUsedRange(valuesOnly) {
      return new Range(this._ctx, `${this._path}.getUsedRange(${!!valuesOnly})`, () => {
        const s = this._target();
        checkAlive(this._ctx._wb, s);
        return usedBox(s);
      });
    }
    getRange(address) {
      return new Range(this._ctx, `${this._path}.getRange(${JSON.stringify(address)})`, () =>
        address === undefined
          ? { sheet: this._target(), r: 0, c: 0, rows: 1048576, cols: 16384, wholeSheet: true }
          : parseAddress(this._target(), address)
      );
    }
    getRangeByIndexes(r, c, rows, cols) {
      return new Range(
        this._ctx,
        `${this._path}.getRangeByIndexes(${r},${c},${rows},${cols})`,
        () => {
          if (rows < 1 || cols < 1) throw officeError("InvalidArgument", "empty range");
          return { sheet: this._target(), r, c, rows, cols };
        }
      );
    }
    delete() {
      this._queue("delete", [], () => {
        const wb = this._ctx._wb;
        const s = this._target();
        checkAlive(wb, s);
        if (wb.sheets.length === 1)
          throw officeError("InvalidOperation", "cannot delete the only sheet");
        if (wb.protectedStructure)
          throw officeError("InvalidOperation", "the workbook structure is protected");
        wb.sheets.splice(wb.sheets.indexOf(s), 1);
        wb.tables = wb.tables.filter((t) => t.sheet !== s);
        if (wb.active === s) wb.active = wb.sheets[0];
        wb.deleted.push(s.name);
        breakReferences(wb, s.name);
      });
    }
    activate() {
      this._queue("activate", [], () => {
        const s = this._target();
        checkAlive(this._ctx._wb, s);
        this._ctx._wb.active = s;
      });
    }
    _read(p) {
      const s = this._target();
      if (p === "isNullObject") return s === null;
      if (s === null) return null;
      if (p === "name") return s.name;
      if (p === "position") return this._ctx._wb.sheets.indexOf(s);
      return super._read(p);
    }
    _set(p, v) {
      const wb = this._ctx._wb;
      const s = this._target();
      checkAlive(wb, s);
      if (wb.protectedStructure && (p === "name" || p === "position"))
        throw officeError("InvalidOperation", "the workbook structure is protected");
      if (p === "name") {
        if (wb.sheets.some((o) => o !== s && o.name.toLowerCase() === String(v).toLowerCase()))
          throw officeError("InvalidArgument", `a sheet named ${v} exists`);
        const host = this._ctx._host;
        if (host.failWhen && host.failWhen({ action: "rename", sheet: s.name, to: v }))
          throw officeError("GeneralException", "fake failure while renaming");
        s.name = v;
      } else if (p === "position") {
        wb.sheets.splice(wb.sheets.indexOf(s), 1);
        wb.sheets.splice(Math.min(v, wb.sheets.length), 0, s);
      }
    }
  }
  readonly(Worksheet, ["isNullObject"]);
  settable(Worksheet, ["name", "position"]);

  class Table extends Proxy {
    get worksheet() {
      return new Worksheet(this._ctx, `${this._path}.worksheet`, () => this._target().sheet);
    }
    getHeaderRowRange() {
      return new Range(this._ctx, `${this._path}.getHeaderRowRange()`, () => {
        const t = this._target();
        // What Office.js returns for a hidden header row is not documented: the fake refuses,
        // so that the adapter never relies on it.
        if (t.showHeaders === false)
          throw officeError("InvalidOperation", "the fake does not model a hidden header row");
        return { sheet: t.sheet, r: t.headerRow, c: t.col, rows: 1, cols: t.cols };
      });
    }
    /** The whole table: header row (when shown), body and totals row (ExcelApi 1.1). */
    getRange() {
      return new Range(this._ctx, `${this._path}.getRange()`, () => {
        const t = this._target();
        const top = t.showHeaders === false ? t.headerRow + 1 : t.headerRow;
        const bottom = t.headerRow + Math.max(t.rows, 1) + (t.showTotals ? 1 : 0);
        return { sheet: t.sheet, r: top, c: t.col, rows: bottom - top + 1, cols: t.cols };
      });
    }
    /** Table.columns (ExcelApi 1.1): each column's `name`, shown or not in a header row. */
    get columns() {
      const ctx = this._ctx;
      const names = () => {
        const t = this._target();
        return Array.from({ length: t.cols }, (_, i) =>
          t.columnNames
            ? t.columnNames[i]
            : String(valueOf(cellAt(t.sheet, t.headerRow, t.col + i)))
        );
      };
      return new Collection(
        ctx,
        `${this._path}.columns`,
        names,
        (i, o) => new TableColumn(ctx, `${this._path}.columns[${i}]`, () => o)
      );
    }
    getDataBodyRange() {
      return new Range(this._ctx, `${this._path}.getDataBodyRange()`, () => {
        const t = this._target();
        return {
          sheet: t.sheet,
          r: t.headerRow + 1,
          c: t.col,
          rows: Math.max(t.rows, 1),
          cols: t.cols,
        };
      });
    }
    _read(p) {
      const t = this._target();
      if (p === "isNullObject") return t === null;
      if (t === null) return null;
      if (p === "name") return t.name;
      if (p === "showHeaders") return t.showHeaders !== false;
      if (p === "showTotals") return !!t.showTotals;
      return super._read(p);
    }
    _set(p, v) {
      const t = this._target();
      if (p !== "name") throw officeError("InvalidArgument", `cannot set table.${p}`);
      const wb = this._ctx._wb;
      if (wb.tables.some((o) => o !== t && o.name.toLowerCase() === String(v).toLowerCase()))
        throw officeError("InvalidArgument", `a table named ${v} exists`);
      t.name = v;
    }
  }
  readonly(Table, ["isNullObject", "showHeaders", "showTotals"]);

  class TableColumn extends Proxy {
    _read(p) {
      if (p === "name") return this._target();
      return super._read(p);
    }
  }
  readonly(TableColumn, ["name"]);
  settable(Table, ["name"]);

  class Collection extends Proxy {
    constructor(ctx, path, list, make) {
      super(ctx, path, list);
      this._make = make;
    }
    get items() {
      return this._get("items");
    }
    load(props) {
      const list = (typeof props === "string" ? props.split(",") : props).map((p) =>
        p.trim().replace(/^items\//, "")
      );
      this._queue("load", list, () => {
        const objs = this._resolve();
        const items = objs.map((o, i) => {
          const item = this._make(i, o);
          item._obj = o;
          for (const p of list) item._data[p] = item._read(p);
          return item;
        });
        return { proxy: this, data: { items }, json: { items: items.map((i) => i._data) } };
      });
      return this;
    }
  }

  /** workbook.protection or worksheet.protection: `protected` (ExcelApi 1.7 / 1.2). */
  class Protection extends Proxy {
    _read(p) {
      const o = this._target();
      if (p === "protected")
        return o.kind === "workbook" ? o.wb.protectedStructure : !!o.sheet.protected;
      return super._read(p);
    }
  }
  readonly(Protection, ["protected"]);

  /**
   * What a name's formula evaluates to (NamedItem.value and type, ExcelApi 1.1), for the one kind
   * the adapter asks about: a LAMBDA called in place, `=LAMBDA(x,x+1)(1)`. An Excel with LAMBDA
   * (Microsoft 365, 2024, the web) gives 2; one without (Excel 2021, 2019 — the host option
   * `lambda: false`) keeps the name but cannot evaluate it: #NAME?, as such a workbook shows.
   * Any other formula the fake does not compute: reported as its text.
   */
  function evaluateName(ctx, formula) {
    const m = /^=LAMBDA\((\w+),\1\+1\)\((-?\d+)\)$/i.exec(String(formula).replace(/\s+/g, ""));
    if (!m) return { value: formula, type: "String" };
    if (!ctx._host.lambda) return { value: "#NAME?", type: "Error" };
    return { value: Number(m[2]) + 1, type: "Double" };
  }

  class NamedItem extends Proxy {
    _read(p) {
      const n = this._target();
      if (p === "isNullObject") return n === null;
      if (n === null) return null;
      if (p === "name") return n.name;
      if (p === "formula") return n.formula;
      if (p === "comment") return n.comment || "";
      if (p === "value" || p === "type") return evaluateName(this._ctx, n.formula)[p];
      return super._read(p);
    }
    /** NamedItem.delete (ExcelApi 1.4). */
    delete() {
      this._queue("deleteName", [], () => {
        const n = this._target();
        if (!n) throw officeError("ItemNotFound", `no name at ${this._path}`);
        const list = this._ctx._wb.names;
        list.splice(list.indexOf(n), 1);
      });
    }
  }
  readonly(NamedItem, ["name", "formula", "comment", "isNullObject", "value", "type"]);

  class Workbook extends Proxy {
    get protection() {
      const ctx = this._ctx;
      return new Protection(ctx, "workbook.protection", () => ({ kind: "workbook", wb: ctx._wb }));
    }
    get names() {
      const ctx = this._ctx;
      const wb = ctx._wb;
      const find = (name) => wb.names.find((n) => n.name.toUpperCase() === name.toUpperCase());
      const coll = new Collection(
        ctx,
        "names",
        () => wb.names.slice(),
        (i, o) => new NamedItem(ctx, `names[${i}]`, () => o)
      );
      coll.getItemOrNullObject = (name) =>
        new NamedItem(
          ctx,
          `names.getItemOrNullObject(${JSON.stringify(name)})`,
          () => find(name) || null
        )._nullable();
      coll.getItem = (name) =>
        new NamedItem(ctx, `names.getItem(${JSON.stringify(name)})`, () => {
          const n = find(name);
          if (!n) throw officeError("ItemNotFound", `no name ${name}`);
          return n;
        });
      coll.add = (name, reference, comment) => {
        const item = new NamedItem(ctx, `names.add(${JSON.stringify(name)})`, () => find(name));
        coll._queue("add", [name, reference, comment], () => {
          if (find(name)) throw officeError("ItemAlreadyExists", `the name ${name} exists`);
          if (typeof reference !== "string" || !reference.startsWith("="))
            throw officeError("InvalidArgument", "the fake takes a formula starting with =");
          if (comment !== undefined && String(comment).length > 255)
            throw officeError("InvalidArgument", "a name's comment is at most 255 characters");
          wb.names.push({ name, formula: reference, comment });
        });
        return item;
      };
      return coll;
    }
    get worksheets() {
      const ctx = this._ctx;
      const wb = ctx._wb;
      const coll = new Collection(
        ctx,
        "worksheets",
        () => wb.sheets.slice(),
        (i, o) => new Worksheet(ctx, `worksheets[${i}]`, () => o)
      );
      coll.getItem = (name) =>
        new Worksheet(ctx, `worksheets.getItem(${JSON.stringify(name)})`, () => {
          const s = wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!s) throw officeError("ItemNotFound", `no sheet ${name}`);
          return s;
        });
      coll.getItemOrNullObject = (name) =>
        new Worksheet(
          ctx,
          `worksheets.getItemOrNullObject(${JSON.stringify(name)})`,
          () => wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase()) || null
        )._nullable();
      coll.add = (name) => {
        const ws = new Worksheet(ctx, `worksheets.add(${JSON.stringify(name)})`, () => ws._created);
        coll._queue("add", [name], () => {
          if (wb.protectedStructure)
            throw officeError("InvalidOperation", "the workbook structure is protected");
          if (wb.sheets.some((x) => x.name.toLowerCase() === String(name).toLowerCase()))
            throw officeError("ItemAlreadyExists", `sheet ${name} exists`);
          const s = newSheet(name);
          wb.sheets.push(s);
          ws._created = s;
        });
        return ws;
      };
      return coll;
    }
    get tables() {
      const ctx = this._ctx;
      const coll = new Collection(
        ctx,
        "tables",
        () => ctx._wb.tables.slice(),
        (i, o) => new Table(ctx, `tables[${i}]`, () => o)
      );
      // ExcelApi 1.4.
      coll.getItemOrNullObject = (name) =>
        new Table(
          ctx,
          `tables.getItemOrNullObject(${JSON.stringify(name)})`,
          () =>
            ctx._wb.tables.find((t) => t.name.toLowerCase() === String(name).toLowerCase()) || null
        )._nullable();
      return coll;
    }
    get functions() {
      const ctx = this._ctx;
      return {
        date(y, m, d) {
          const f = new FunctionResult(ctx, `functions.date(${y},${m},${d})`, () => {
            const serial1900 = Math.round(Date.UTC(y, m - 1, d) / 86400000) + 25569;
            return ctx._wb.date1904 ? serial1900 - 1462 : serial1900;
          });
          return f;
        },
      };
    }
  }

  /** "1.13" ≥ "1.9": requirement-set versions compared major, then minor, as integers. */
  function versionAtLeast(have, want) {
    const a = String(have).split(".").map(Number);
    const b = String(want).split(".").map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i] || 0;
      const y = b[i] || 0;
      if (x !== y) return x > y;
    }
    return true;
  }

  class RequestContext {
    constructor(host) {
      this._host = host;
      this._wb = host.workbook;
      this._ops = [];
      this.workbook = new Workbook(this, "workbook", () => this._wb);
    }
    async sync() {
      const ops = this._ops;
      this._ops = [];
      const host = this._host;
      const request = JSON.stringify(
        ops.map((o) => ({ path: o.path, action: o.action, args: o.args }))
      );
      const record = {
        index: host.syncs.length,
        ops: ops.length,
        requestBytes: utf8Bytes(request),
        responseBytes: 0,
        actions: ops.map((o) => o.action),
      };
      host.syncs.push(record);
      await Promise.resolve();
      if (record.requestBytes > host.payloadLimit) {
        record.failed = "RequestPayloadSizeLimitExceeded";
        throw officeError(
          "RequestPayloadSizeLimitExceeded",
          `request of ${record.requestBytes} bytes`
        );
      }
      const results = [];
      for (const op of ops) {
        if (
          host.failWhen &&
          host.failWhen({ action: op.action, path: op.path, args: op.args, index: record.index })
        ) {
          throw officeError("GeneralException", `fake failure at ${op.action} ${op.path}`);
        }
        const r = op.run();
        if (r && r.proxy) results.push(r);
      }
      const response = JSON.stringify(results.map((r) => r.json || r.data));
      record.responseBytes = utf8Bytes(response);
      if (record.responseBytes > host.payloadLimit) {
        record.failed = "ResponsePayloadSizeLimitExceeded";
        throw officeError(
          "ResponsePayloadSizeLimitExceeded",
          `response of ${record.responseBytes} bytes`
        );
      }
      for (const r of results) Object.assign(r.proxy._data, r.data);
    }
  }

  /**
   * A fake host: `Excel` (run, RequestContext, enums) over a workbook built from `spec`
   * ({ sheets: [{ name, cells, tables: [{ name, headerRow, firstColumn, columns, rows }] }], date1904 }).
   */
  function createHost(spec, options) {
    const host = {
      workbook: createWorkbook(spec),
      syncs: [],
      cellWrites: [],
      ledgerWrites: [],
      failWhen: null,
      payloadLimit: (options && options.payloadLimit) || 5 * MB,
      // Requirement sets the host reports (Office.context.requirements.isSetSupported).
      apiVersions: (options && options.apiVersions) || ["1.7", "1.9"],
      // Whether this Excel evaluates LAMBDA (false: Excel 2021 or 2019, whose ExcelApi sets
      // reach 1.12 or so all the same — the API sets do not tell).
      lambda: !(options && options.lambda === false),
    };
    host.Office = {
      context: {
        requirements: {
          // Versions compare part by part, as Office does: 1.13 is newer than 1.9.
          isSetSupported: (name, version) =>
            name === "ExcelApi" &&
            host.apiVersions.some((v) => versionAtLeast(v, version || "1.1")),
        },
      },
    };
    host.Excel = {
      RequestContext: function () {
        return new RequestContext(host);
      },
      // Excel.run(batch) or Excel.run(options, batch), as office.js takes both.
      run: async (optionsOrFn, fn) =>
        (typeof optionsOrFn === "function" ? optionsOrFn : fn)(new RequestContext(host)),
      ChartType: { barClustered: "BarClustered", lineMarkers: "LineMarkers" },
      ChartSeriesBy: { columns: "Columns", rows: "Rows", auto: "Auto" },
      ChartLegendPosition: { bottom: "Bottom", right: "Right" },
      PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
      VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
      PaperType: { a4: "A4", letter: "Letter" },
    };
    host.sheet = (name) => host.workbook.sheets.find((s) => s.name === name);
    /** Cell values of a sheet as the fake stores them, rows × columns (for snapshots). */
    host.cells = (name) => {
      const s = host.sheet(name);
      return s
        ? s.rows.map((r) => (r ? Array.from(r, (v) => (v === undefined ? null : v)) : []))
        : null;
    };
    host.sheetNames = () => host.workbook.sheets.map((s) => s.name);
    return host;
  }

  /** A sheet spec holding one Excel table with `headers` and `rows` at A1. */
  function tableSheet(sheetName, tableName, headers, rows) {
    return {
      name: sheetName,
      cells: [headers, ...rows],
      tables: tableName
        ? [
            {
              name: tableName,
              headerRow: 0,
              firstColumn: 0,
              columns: headers.length,
              rows: rows.length,
            },
          ]
        : [],
    };
  }

  return { createHost, tableSheet, utf8Bytes };
});
