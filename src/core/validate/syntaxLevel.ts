/** Level 1, syntax: tree-sitter ERROR and MISSING nodes anywhere in the assembled file. */
import type { TreeCache } from '../parse/treeCache';
import { collectSyntaxErrors } from '../parse/syntaxErrors';
import { skipped } from './validateAtom';
import type { AtomUnderValidation, LevelResult, ValidationMessage, Validator } from './types';

/**
 * The syntax level. The whole file is checked, not only the atom's lines: an unclosed brace in
 * the atom often shows up as an error further down. Each message says whether it falls inside
 * the atom's range.
 */
export function createSyntaxValidator(trees: TreeCache): Validator {
  return {
    level: 'syntax',
    async validate(target: AtomUnderValidation, signal: AbortSignal): Promise<LevelResult> {
      const language = target.language;
      if (!language) return skipped('syntax', `no tree-sitter grammar for ${target.relPath}`);
      const problems = await trees.use(target.fileText, language, signal, (tree) => collectSyntaxErrors(tree.rootNode));
      if (problems.length === 0) return { level: 'syntax', status: 'pass', messages: [] };
      const messages: ValidationMessage[] = problems.map((p) => {
        const inside = p.line <= target.endLine && p.endLine >= target.startLine;
        const where = inside ? 'inside the atom' : `outside the atom (lines ${target.startLine}-${target.endLine})`;
        return { message: `${p.message}, ${where}`, line: p.line, column: p.column };
      });
      return { level: 'syntax', status: 'fail', messages };
    },
  };
}
