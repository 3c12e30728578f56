// The text helpers of the picture of a run (report.ts): HTML escaping, the French counts, label wrapping for
// SVG (which does not wrap text itself), and a bundle as pretty-printed JSON that never throws.

/**
 * Text made safe for HTML: as element content (the page's `<title>` included) and as a double-quoted or
 * single-quoted attribute value. `<` and `>` are always escaped, so no text can open or close an element
 * (`</script>`, `<img onerror>`), and quotes never end an attribute.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `1 234 567`: groups of three digits with a space, as French writes numbers. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}

/** `0 bundle`, `1 bundle`, `2 bundles`: French puts 0 and 1 in the singular. */
export function countOf(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${Math.abs(n) < 2 ? singular : pluralForm}`;
}

/** `text` cut to `max` characters, the last one an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/**
 * `text` in lines of at most `width` characters, broken at spaces (a longer word is cut), at most `maxLines`
 * lines, the last one ending with an ellipsis when text is left out.
 */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while ([...word].length > width) {
      if (line !== '') lines.push(line);
      line = '';
      lines.push([...word].slice(0, width).join(''));
      word = [...word].slice(width).join('');
    }
    if (line === '') line = word;
    else if ([...line].length + 1 + [...word].length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${shorten(kept[maxLines - 1], width - 1)}…`.replace(/……$/, '…');
  return kept;
}

/**
 * A bundle as JSON indented by two spaces. What JSON cannot show is named rather than lost or thrown: a bigint
 * as its digits, `undefined` as the word; a value that cannot be written at all (a cycle) by its kind.
 */
export function prettyJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
