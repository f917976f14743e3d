/** Chunks for files without a grammar (Markdown, SQL, YAML...): paragraphs at blank lines, packed up to a size. */
import type { Chunk } from './types';

/** Paragraphs of `text` packed into chunks of at most `maxLines` (a longer paragraph is cut at the limit). */
export function chunkText(path: string, text: string, maxLines: number): Chunk[] {
  const lines = text.split('\n');
  const chunks: Chunk[] = [];
  let start = -1;
  let lastBlankBreak = -1;
  const emit = (from: number, to: number): void => {
    while (to >= from && lines[to].trim() === '') to--;
    while (from <= to && lines[from].trim() === '') from++;
    if (from > to) return;
    const body = lines.slice(from, to + 1).join('\n');
    chunks.push({ path, startLine: from + 1, endLine: to + 1, language: 'text', kind: 'text', symbol: heading(body), symbols: [], text: body });
  };
  for (let i = 0; i < lines.length; i++) {
    if (start < 0) {
      if (lines[i].trim() === '') continue;
      start = i;
      lastBlankBreak = -1;
    }
    if (lines[i].trim() === '') lastBlankBreak = i;
    if (i - start + 1 >= maxLines) {
      // Prefer to end at the last blank line inside the window; a wall of text is cut at the limit.
      const end = lastBlankBreak > start ? lastBlankBreak : i;
      emit(start, end);
      start = end + 1 <= i ? end + 1 : -1;
      lastBlankBreak = -1;
    }
  }
  if (start >= 0) emit(start, lines.length - 1);
  return chunks;
}

// A Markdown heading or the first line names the chunk.
function heading(body: string): string {
  const first = body.split('\n', 1)[0].replace(/^#+\s*/, '').trim();
  return first.length > 80 ? `${first.slice(0, 77)}...` : first;
}
