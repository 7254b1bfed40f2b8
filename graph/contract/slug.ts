/** Lower-case words joined by hyphens, accents dropped: the form every seed id and file name takes. */
export function slugify(text: string, maxLength = 80): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > maxLength) break;
    out = next;
  }
  return out || 'untitled';
}
