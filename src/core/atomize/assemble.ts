/**
 * Assembly: atom code into its skeleton. Pure and deterministic, so a resumed run assembles the
 * same bytes as an uninterrupted one. Atom code comes with relative indentation; it is
 * re-indented to the hole's indentation and replaces the hole line.
 */
import { HOLE_MARKER_PATTERN } from './contract';

/** Where one filled hole ended up. Lines are 1-based and inclusive. */
export interface FilledRange {
  readonly unit: string;
  readonly startLine: number;
  readonly endLine: number;
  /** The hole line it replaced. */
  readonly placeholder: string;
}

/** A skeleton with its holes filled. */
export interface AssembledFile {
  readonly text: string;
  readonly ranges: FilledRange[];
  /** Hole names still in the text (no code given for them). */
  readonly openHoles: string[];
}

/** The code's lines re-indented to `indent`: fences and outer blank lines dropped, common indentation removed. */
export function reindent(code: string, indent: string): string[] {
  let lines = code.replace(/\r\n?/g, '\n').split('\n');
  // Models sometimes wrap code in a Markdown fence even inside a tool call.
  if (lines.length >= 2 && /^\s*```/.test(lines[0] ?? '') && /^\s*```\s*$/.test(lines[lines.length - 1] ?? '')) lines = lines.slice(1, -1);
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const margins = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0] ?? '');
  const common = margins.reduce((a, b) => commonPrefix(a, b), margins[0] ?? '');
  return lines.map((l) => (l.trim() === '' ? '' : indent + l.slice(common.length).trimEnd()));
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** The hole name on a line, or null. */
export function holeNameOf(line: string): string | null {
  return HOLE_MARKER_PATTERN.exec(line)?.[1] ?? null;
}

/**
 * The skeleton with the holes named in `fills` replaced by their code, and where each landed.
 * Holes without code stay as they are (a valid skeleton line).
 */
export function assembleFile(skeleton: string, fills: ReadonlyMap<string, string>): AssembledFile {
  const out: string[] = [];
  const ranges: FilledRange[] = [];
  const openHoles: string[] = [];
  for (const line of skeleton.split('\n')) {
    const unit = holeNameOf(line);
    const code = unit === null ? undefined : fills.get(unit);
    if (unit === null || code === undefined) {
      if (unit !== null) openHoles.push(unit);
      out.push(line);
      continue;
    }
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    const lines = reindent(code, indent);
    if (lines.length === 0) {
      openHoles.push(unit);
      out.push(line);
      continue;
    }
    ranges.push({ unit, startLine: out.length + 1, endLine: out.length + lines.length, placeholder: line });
    out.push(...lines);
  }
  return { text: out.join('\n'), ranges, openHoles };
}
