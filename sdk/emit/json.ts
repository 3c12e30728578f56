/** The one way emitted JSON is written: 2-space indent, final newline, so two builds are byte-identical. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
