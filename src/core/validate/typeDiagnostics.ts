/**
 * Which language-server errors belong to an atom. Errors on the atom's lines are its own. An
 * error elsewhere in the file fails the atom only when the atom caused it: it is new compared
 * with the file's last accepted version (the baseline), e.g. the atom changed a signature and a
 * caller broke. Without a baseline (the file's first atom) errors outside are not held against
 * the atom: they belong to the skeleton's unfilled holes as often as to the atom.
 */
import { hasOpenHole } from '../atomize/contract';
import type { LspDiagnostic } from '../lsp/protocol';
import type { ValidationMessage } from './types';

/** Error messages of a file's last accepted version, as a multiset keyed by code and text. */
export type DiagnosticBaseline = ReadonlyMap<string, number>;

/** The errors (severity 1) of a diagnostics list: warnings and hints never fail an atom. */
export function errorsOnly(diagnostics: readonly LspDiagnostic[]): LspDiagnostic[] {
  return diagnostics.filter((d) => d.severity === 1);
}

/** The baseline to keep after an accepted version with these errors. */
export function baselineOf(errors: readonly LspDiagnostic[]): DiagnosticBaseline {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(keyOf(e), (counts.get(keyOf(e)) ?? 0) + 1);
  return counts;
}

/**
 * The messages that fail the atom on lines `startLine..endLine` (1-based): every error that
 * touches those lines, and the errors outside them that the baseline does not account for.
 * `baseline` null: nothing outside counts.
 */
export function attributeErrors(errors: readonly LspDiagnostic[], startLine: number, endLine: number, baseline: DiagnosticBaseline | null): ValidationMessage[] {
  const remaining = new Map(baseline ?? []);
  const messages: ValidationMessage[] = [];
  const outside: LspDiagnostic[] = [];
  for (const e of errors) {
    const first = e.range.start.line + 1;
    const last = e.range.end.line + 1;
    if (last >= startLine && first <= endLine) messages.push(toMessage(e, ''));
    else outside.push(e);
  }
  if (!baseline) return messages;
  for (const e of outside) {
    const left = remaining.get(keyOf(e)) ?? 0;
    if (left > 0) remaining.set(keyOf(e), left - 1);
    else messages.push(toMessage(e, ` (outside the atom's lines ${startLine}-${endLine}, new with this atom)`));
  }
  return messages;
}

function toMessage(e: LspDiagnostic, note: string): ValidationMessage {
  // Servers put detail on indented follow-up lines; one line reads better as retry feedback.
  const text = e.message.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
  const code = e.code ? ` [${e.source ?? ''}${e.source ? ' ' : ''}${e.code}]` : '';
  return { message: `${text}${code}${note}`, line: e.range.start.line + 1, column: e.range.start.character + 1 };
}

const UNASSIGNED = /^Variable '([\w$]+)' is used before being assigned/;

/**
 * The errors without TypeScript's "used before being assigned" (2454) for a variable that no
 * line of `fileText` assigns while other holes are still empty: assigning it is another hole's
 * job (a test's `before` hook setting the server the tests use), not a fault of this atom.
 */
export function withoutPendingAssignments(errors: readonly LspDiagnostic[], fileText: string): LspDiagnostic[] {
  if (!hasOpenHole(fileText)) return [...errors];
  return errors.filter((e) => {
    const name = e.code === '2454' ? UNASSIGNED.exec(e.message)?.[1] : undefined;
    if (!name) return true;
    const escaped = name.replace(/\$/g, '\\$');
    return new RegExp(`(?<![\\w$.])${escaped}\\s*(?:[-+*/%&|^]|\\*\\*|\\?\\?|<<|>>>?)?=(?!=)`).test(fileText);
  });
}

// Positions are left out: lines shift as atoms fill holes, the message stays the same.
function keyOf(e: LspDiagnostic): string {
  return `${e.code ?? ''}\0${e.message}`;
}
