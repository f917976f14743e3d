/**
 * Level 3, atomicity: the atom fits its line budget, does one thing, and is what the plan said
 * it would be (its declared signature). Grammars without symbol support get the budget only.
 */
import type { Tree } from 'web-tree-sitter';
import { isFirstClass, type LanguageId } from '../parse/languages';
import { extractSymbols } from '../parse/symbols';
import type { TreeCache } from '../parse/treeCache';
import { atomUnits, type AtomUnit, type CodeSpan } from './atomUnits';
import { codeLines } from './lineBudget';
import { signatureMismatch, parseSignature, type SignatureShape } from './signatureMatch';
import { skipped } from './validateAtom';
import type { AtomUnderValidation, LevelResult, ValidationMessage, Validator } from './types';

/** The atomicity level, over trees shared through `trees`. */
export function createAtomicityValidator(trees: TreeCache): Validator {
  return {
    level: 'atomicity',
    async validate(target: AtomUnderValidation, signal: AbortSignal): Promise<LevelResult> {
      const language = target.language;
      if (!language) return skipped('atomicity', `no tree-sitter grammar for ${target.relPath}`);
      const messages = await trees.use(target.fileText, language, signal, (tree) => judge(tree, language, target));
      return { level: 'atomicity', status: messages.length === 0 ? 'pass' : 'fail', messages };
    },
  };
}

function judge(tree: Tree, language: LanguageId, target: AtomUnderValidation): ValidationMessage[] {
  const lines = target.fileText.split('\n');
  const code = codeLines(tree.rootNode, lines, target.startLine, target.endLine, language === 'python');
  const at = (line: number, message: string): ValidationMessage => ({ message, line, column: 1 });
  if (code.length === 0) return [at(target.startLine, `the atom's lines ${target.startLine}-${target.endLine} hold no code`)];
  const messages: ValidationMessage[] = [];
  if (code.length > target.maxLines) {
    messages.push(at(code[target.maxLines] ?? target.startLine, `${code.length} lines of code, over the budget of ${target.maxLines}: split the atom`));
  }
  if (!isFirstClass(language)) return messages;

  const first = code[0] ?? target.startLine;
  const last = code[code.length - 1] ?? target.endLine;
  const lastText = lines[last - 1] ?? '';
  const span: CodeSpan = {
    first, last, start: target.startLine, end: target.endLine,
    firstCol: (lines[first - 1] ?? '').search(/\S/),
    lastCol: Math.max(0, lastText.trimEnd().length - 1),
  };
  const units = atomUnits(tree, language, extractSymbols(tree, language).declarations, span);
  if (units.length > 1) messages.push(at(units[1]?.startLine ?? first, `${countWord(units.length)} responsibilities: ${listLabels(units)}`));
  for (const unit of units) {
    if (unit.cut) {
      messages.push(at(unit.startLine, `the atom's lines ${target.startLine}-${target.endLine} cut through ${unit.label} (lines ${unit.startLine}-${unit.endLine})`));
    }
  }
  const only = units.length === 1 ? units[0] : undefined;
  if (target.declaredSignature && only) {
    const mismatch = signatureMismatch(target.declaredSignature, actualShape(only, target.declaredSignature));
    if (mismatch) messages.push(at(only.startLine, mismatch));
  }
  return messages;
}

function actualShape(unit: AtomUnit, declared: string): SignatureShape {
  if (unit.kind === 'block') {
    // A block declaring several names matches a signature naming any one of them.
    const wanted = parseSignature(declared).name;
    return { name: wanted && unit.names.includes(wanted) ? wanted : (unit.names[0] ?? null), parameters: null };
  }
  return { name: unit.symbol?.name ?? null, parameters: unit.symbol?.parameters ?? null };
}

function countWord(n: number): string {
  return n === 2 ? 'two' : n === 3 ? 'three' : String(n);
}

function listLabels(units: readonly AtomUnit[]): string {
  const labels = units.map((u) => u.label);
  return labels.length <= 2 ? labels.join(' and ') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
