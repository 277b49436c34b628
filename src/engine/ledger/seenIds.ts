/**
 * The IDs of a table seen so far (工单号, 投诉编号), to find the row where a repeated one first
 * stood. Ticket systems export their IDs in order, and while each ID sorts after the one before
 * (code unit order), none can repeat: no set is needed, and a 100,000-ticket ledger skips
 * 100,000 hash-set insertions (a quarter of its reading time). The first ID out of order builds
 * the set from the IDs so far, and every later ID is looked up in it.
 */
export class SeenIds {
  private last: string | null = null;
  private ids: string[] = [];
  private rows: number[] = [];
  private firstRows: Map<string, number> | null = null;

  /**
   * @summary The row where `id` first stood, or undefined when it is new (it is then kept as
   * standing at `row`).
   * @example
   * const seen = new SeenIds();
   * seen.firstRow("T1", 2) //=> undefined
   * seen.firstRow("T1", 5) //=> 2
   */
  firstRow(id: string, row: number): number | undefined {
    if (this.firstRows === null) {
      if (this.last === null || id > this.last) {
        this.last = id;
        this.ids.push(id);
        this.rows.push(row);
        return undefined;
      }
      this.firstRows = new Map();
      for (let i = 0; i < this.ids.length; i++) this.firstRows.set(this.ids[i], this.rows[i]);
      this.ids = [];
      this.rows = [];
    }
    const first = this.firstRows.get(id);
    if (first === undefined) this.firstRows.set(id, row);
    return first;
  }
}
