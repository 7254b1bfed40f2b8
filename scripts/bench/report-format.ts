/** The Markdown pieces every section of the bench's report is written with. */

export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const align = header.map((_, i) => (i === 0 ? ':---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Milliseconds with as many decimals as their size deserves. */
export const ms = (value: number) => value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2);
export const int = (value: number) => Math.round(value).toLocaleString('en-GB');
