/**
 * Curated examples: where the shipped folder is, and the metadata header every example starts
 * with (title, tags, stack), which is embedded with the example's chunks so a request phrased in
 * plain words finds the right pattern.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** An example's header fields. */
export interface ExampleMeta {
  readonly title: string;
  readonly tags: readonly string[];
  readonly stack: string;
}

const FIELD = /^\s*(?:\/\/|--|#|\*|\/\*\*?)?\s*@(title|tags|stack)\s+(.+?)\s*(?:\*\/)?\s*$/;

/** The `@title`, `@tags` and `@stack` lines in the first 15 lines, or null when there is no title. */
export function parseExampleMeta(text: string): ExampleMeta | null {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n', 15)) {
    const m = FIELD.exec(line);
    if (m) fields[m[1]] = m[2];
  }
  if (!fields.title) return null;
  const tags = (fields.tags ?? '').split(',').map((t) => t.trim()).filter((t) => t.length > 0);
  return { title: fields.title, tags, stack: fields.stack ?? '' };
}

/** The text embedded with every chunk of an example file. */
export function exampleContext(meta: ExampleMeta | null): string {
  return meta ? `${meta.title}. ${meta.tags.join(' ')} ${meta.stack}` : '';
}

/**
 * The shipped examples folder: dist/examples next to the bundle, or examples/ at the repository
 * root when running from source. `override` wins when given.
 */
export function shippedExamplesDir(override?: string): string | null {
  const candidates = override ? [override] : [join(__dirname, 'examples'), resolve(__dirname, '../examples'), resolve(__dirname, '../../../examples')];
  return candidates.find((dir) => existsSync(join(dir, 'README.md'))) ?? null;
}
