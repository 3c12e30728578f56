// The file's lines as a text editor numbers them: a line ends at "\r\n", "\n" or a lone "\r" (old Mac files).
// Line breaks inside quoted cells count too, so that a record after a multi-line cell keeps the number the
// school sees in the file.

export class LineIndex {
  /** The byte offset where each line starts: starts[0] = 0 is line 1. */
  private readonly starts: number[] = [0];

  constructor(readonly body: Uint8Array) {
    for (let i = 0; i < body.length; i++) {
      const byte = body[i];
      if (byte === 0x0a || (byte === 0x0d && body[i + 1] !== 0x0a)) this.starts.push(i + 1);
    }
  }

  /** How many lines the file has (a final line break does not open a line). */
  get count(): number {
    const last = this.starts[this.starts.length - 1];
    return last === this.body.length && this.starts.length > 1 ? this.starts.length - 1 : this.starts.length;
  }

  /** The 1-based line of a byte offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** The bytes of a 1-based line, without its line break. */
  line(number: number): Uint8Array {
    const start = this.starts[number - 1];
    let end = number < this.starts.length ? this.starts[number] : this.body.length;
    while (end > start && (this.body[end - 1] === 0x0a || this.body[end - 1] === 0x0d)) end--;
    return this.body.subarray(start, end);
  }

  /** The text of a 1-based line (UTF-8), without its line break. */
  text(number: number): string {
    return Buffer.from(this.line(number)).toString('utf8');
  }
}
