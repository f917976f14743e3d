/**
 * Splits a source file into retrieval chunks along its syntax tree: each function, class or
 * method is one chunk, runs of other top-level statements are grouped into blocks, and a class
 * too big for one chunk is split into its members. A unit is never cut in half: a function longer
 * than the limit is still one chunk. Files without a grammar are cut at blank lines.
 */
import type { Node } from 'web-tree-sitter';
import type { MultiLanguageParser } from '../parse/multiLanguageParser';
import { endLine, startLine } from '../parse/nodeUtils';
import { declaredNames, isOverloadSignature, membersOf, unitKind, unitName } from './chunkNames';
import { chunkText } from './textChunker';
import type { Chunk, ChunkKind } from './types';

/** Size limits of chunks. */
export interface ChunkOptions {
  /** A class or suite longer than this is split into members. */
  readonly maxLines: number;
  /** Declarations shorter than this share a block with their neighbours instead of a chunk of their own. */
  readonly minUnitLines: number;
  /** Blocks of statements and small declarations stop growing here. */
  readonly blockLines: number;
}

/**
 * Defaults measured on the labeled benchmark: three-line interfaces as chunks of their own
 * drown the ranking in near-empty chunks; grouping them with their neighbours does better.
 */
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxLines: 60, minUnitLines: 8, blockLines: 40 };

interface Range {
  start: number;
  end: number;
  names: string[];
  /** The longest unit's name and length: it names the block. */
  lead: string;
  leadLines: number;
}

/** Chunks of one file. Uses tree-sitter when the path has a grammar, else blank-line paragraphs. */
export async function chunkFile(parser: MultiLanguageParser, path: string, text: string, signal: AbortSignal, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Promise<Chunk[]> {
  const language = parser.languageForPath(path);
  if (!language) return chunkText(path, text, options.blockLines);
  const lines = text.split('\n');
  return parser.withTree(text, language, signal, (tree) => {
    const chunks: Chunk[] = [];
    const emit = (start: number, end: number, kind: ChunkKind, symbol: string, names: readonly string[]): void => {
      chunks.push({ path, startLine: start, endLine: end, language, kind, symbol, symbols: [...new Set(names)], text: lines.slice(start - 1, end).join('\n') });
    };
    walkUnits(tree.rootNode.namedChildren, null, null, options, emit);
    return chunks;
  });
}

type Emit = (start: number, end: number, kind: ChunkKind, symbol: string, names: readonly string[]) => void;

/**
 * Emits chunks for the sibling nodes `children`. `container` names the enclosing class (members
 * are called `Class.member`); `headerStart` is the first line of that class, so its header lines
 * go with the first block of members.
 */
function walkUnits(children: readonly (Node | null)[], container: string | null, headerStart: number | null, options: ChunkOptions, emit: Emit): void {
  let block: Range | null = headerStart === null ? null : { start: headerStart, end: headerStart, names: container ? [container] : [], lead: container ?? '', leadLines: 0 };
  let comments: { start: number; end: number } | null = null;
  const flush = (): void => {
    if (block) emit(block.start, block.end, 'block', block.lead || (block.names[0] ?? container ?? ''), block.names);
    block = null;
  };
  const addToBlock = (start: number, end: number, names: readonly string[]): void => {
    if (block && end - block.start + 1 > options.blockLines) flush();
    if (!block) block = { start, end, names: [], lead: '', leadLines: 0 };
    block.end = Math.max(block.end, end);
    block.names.push(...names);
    if (names.length > 0 && end - start + 1 > block.leadLines) {
      block.lead = names[0];
      block.leadLines = end - start + 1;
    }
  };

  for (const node of children) {
    if (!node) continue;
    const nodeStart = startLine(node);
    const nodeEnd = endLine(node);
    if (node.type === 'comment' || isOverloadSignature(node)) {
      // A doc comment or an overload signature directly above a declaration belongs to it.
      if (comments && nodeStart <= comments.end + 1) comments.end = nodeEnd;
      else {
        if (comments) addToBlock(comments.start, comments.end, []);
        comments = { start: nodeStart, end: nodeEnd };
      }
      continue;
    }
    const leading: { start: number; end: number } | null = comments && comments.end + 1 >= nodeStart ? comments : null;
    if (comments && !leading) addToBlock(comments.start, comments.end, []);
    comments = null;
    const start = leading ? leading.start : nodeStart;
    const kind = unitKind(node, container !== null);
    const lines = nodeEnd - start + 1;
    if (kind === null || lines < options.minUnitLines) {
      const names = kind === null ? declaredNames(node) : [unitName(node)];
      addToBlock(start, nodeEnd, names.filter((n) => n).map((n) => qualified(container, n)));
      continue;
    }
    flush();
    const name = qualified(container, unitName(node));
    const members = lines > options.maxLines ? membersOf(node) : null;
    if (members && members.namedChildren.length > 1) {
      walkUnits(members.namedChildren, name || container, start, options, emit);
    } else {
      emit(start, nodeEnd, kind, name, name ? [name] : []);
    }
  }
  if (comments) addToBlock(comments.start, comments.end, []);
  flush();
}

function qualified(container: string | null, name: string): string {
  if (!name) return '';
  return container && !name.includes(':') ? `${container}.${name}` : name;
}
