/**
 * What a reviewed proposal turns into: the proposed file with every rejected atom replaced by its
 * placeholder (the skeleton's hole line), plus where each atom sits in that result, so the diff
 * view, the CodeLenses and the final edit all agree on one text.
 */
import type { FileProposal } from '../ports';

export type AtomDecision = 'accepted' | 'rejected';

export interface ComposedFile {
  readonly content: string;
  /** Atom id -> 1-based inclusive line range in `content` (a rejected atom spans its placeholder). */
  readonly ranges: ReadonlyMap<string, { readonly startLine: number; readonly endLine: number }>;
}

/** Composes `proposal` under `decisions` (atoms missing from it count as accepted). */
export function composeProposal(proposal: FileProposal, decisions: ReadonlyMap<string, AtomDecision>): ComposedFile {
  const lines = proposal.content.split('\n');
  const atoms = [...proposal.atoms].sort((a, b) => a.startLine - b.startLine);
  assertDisjoint(proposal.relPath, atoms, lines.length);
  const out: string[] = [];
  const ranges = new Map<string, { startLine: number; endLine: number }>();
  let next = 1;
  for (const atom of atoms) {
    out.push(...lines.slice(next - 1, atom.startLine - 1));
    const body = decisions.get(atom.atomId) === 'rejected' ? atom.placeholder.split('\n') : lines.slice(atom.startLine - 1, atom.endLine);
    const startLine = out.length + 1;
    out.push(...body);
    ranges.set(atom.atomId, { startLine, endLine: out.length });
    next = atom.endLine + 1;
  }
  out.push(...lines.slice(next - 1));
  return { content: out.join('\n'), ranges };
}

function assertDisjoint(relPath: string, atoms: FileProposal['atoms'], lineCount: number): void {
  let previousEnd = 0;
  for (const atom of atoms) {
    if (atom.startLine <= previousEnd || atom.endLine < atom.startLine || atom.endLine > lineCount) {
      throw new Error(`Proposal for ${relPath} has an atom range ${atom.atomId} ${atom.startLine}-${atom.endLine} that overlaps another or lies outside the file.`);
    }
    previousEnd = atom.endLine;
  }
}
