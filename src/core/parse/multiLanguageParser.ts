/**
 * MultiLanguageParser: one door to tree-sitter for every language MGE handles. The wasm runtime
 * is initialised once per process and each grammar loaded once, on first use; parsers are reused
 * per language (JavaScript is single-threaded, so one parser per language is never shared by two
 * parses at the same time).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { grammarFileName, languageForPath, type LanguageId } from './languages';
import { locateWasm, type WasmLocation } from './wasmLocation';

/** Parses source text of any supported language. */
export interface MultiLanguageParser {
  /** Where the wasm files were found. */
  readonly location: WasmLocation;
  /** Loads the runtime and the language's grammar (cached after the first call). */
  load(language: LanguageId, signal: AbortSignal): Promise<Language>;
  /** Parses `text`; the caller owns the tree and must call `tree.delete()` (wasm memory is not collected). */
  parse(text: string, language: LanguageId, signal: AbortSignal): Promise<Tree>;
  /** Parses `text`, hands the tree to `use` and deletes the tree afterwards, even on a throw. */
  withTree<T>(text: string, language: LanguageId, signal: AbortSignal, use: (tree: Tree) => T): Promise<T>;
  /** The language of a path by its extension, or undefined. */
  languageForPath(path: string): LanguageId | undefined;
  /** Frees the per-language parsers. Loaded grammars stay cached for the process. */
  dispose(): void;
}

// The wasm runtime is process-wide state inside web-tree-sitter: a second Parser.init would
// replace the module under already-loaded languages, so it happens exactly once.
let runtimeReady: Promise<void> | undefined;
const grammars = new Map<string, Promise<Language>>();

/**
 * Creates a parser. `wasmDir` overrides where the wasm files are looked for (it must hold
 * web-tree-sitter.wasm and the tree-sitter-*.wasm grammars); by default they are found next to
 * the bundle (dist/wasm) or in node_modules when running from source.
 */
export function createMultiLanguageParser(options: { wasmDir?: string } = {}): MultiLanguageParser {
  const location = locateWasm(options.wasmDir);
  const parsers = new Map<LanguageId, Parser>();
  let disposed = false;

  async function load(language: LanguageId, signal: AbortSignal): Promise<Language> {
    signal.throwIfAborted();
    await untilAborted(initRuntime(location.runtimeWasm), signal);
    return untilAborted(loadGrammar(join(location.grammarDir, grammarFileName(language))), signal);
  }

  async function parse(text: string, language: LanguageId, signal: AbortSignal): Promise<Tree> {
    const grammar = await load(language, signal);
    if (disposed) throw new Error('MultiLanguageParser used after dispose()');
    let parser = parsers.get(language);
    if (!parser) {
      parser = new Parser().setLanguage(grammar);
      parsers.set(language, parser);
    }
    // Returning true from the progress callback cancels a long parse when the run is cancelled.
    const tree = parser.parse(text, null, { progressCallback: () => signal.aborted });
    if (!tree) {
      parser.reset();
      signal.throwIfAborted();
      throw new Error(`tree-sitter returned no tree for ${language}`);
    }
    return tree;
  }

  async function withTree<T>(text: string, language: LanguageId, signal: AbortSignal, use: (tree: Tree) => T): Promise<T> {
    const tree = await parse(text, language, signal);
    try {
      return use(tree);
    } finally {
      tree.delete();
    }
  }

  function dispose(): void {
    disposed = true;
    for (const parser of parsers.values()) parser.delete();
    parsers.clear();
  }

  return { location, load, parse, withTree, languageForPath, dispose };
}

function initRuntime(runtimeWasm: string): Promise<void> {
  if (!runtimeReady) {
    runtimeReady = Parser.init({ locateFile: () => runtimeWasm }).catch((err: unknown) => {
      runtimeReady = undefined; // let a later call retry (e.g. after the files were built)
      throw err;
    });
  }
  return runtimeReady;
}

function loadGrammar(path: string): Promise<Language> {
  let grammar = grammars.get(path);
  if (!grammar) {
    // Read the bytes ourselves: Language.load(path) would do a dynamic import of fs inside the bundle.
    grammar = readFile(path).then((bytes) => Language.load(bytes));
    grammar.catch(() => grammars.delete(path));
    grammars.set(path, grammar);
  }
  return grammar;
}

/** Waits for a shared promise, but gives up when this caller's signal aborts (the promise goes on for others). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = (): void => reject(asError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolvePromise(value); },
      (err: unknown) => { signal.removeEventListener('abort', onAbort); reject(asError(err)); },
    );
  });
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
