/**
 * A tiny Markdown reader for the Discovery Document and the MasterPlan: headings, nested bullet
 * lists, paragraphs, fenced code, and inline **bold**, *emphasis* and `code`. It returns plain data
 * that the view renders through lit text bindings, so model text never becomes HTML.
 */

/** A run of inline text with its style. */
export interface Inline {
  readonly text: string;
  readonly style: 'plain' | 'strong' | 'em' | 'code';
}

/** A list item and the items nested under it. */
export interface ListItem {
  readonly inlines: Inline[];
  readonly children: ListItem[];
}

/** One block of the document. */
export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly inlines: Inline[] }
  | { readonly kind: 'paragraph'; readonly inlines: Inline[] }
  | { readonly kind: 'list'; readonly items: ListItem[] }
  | { readonly kind: 'code'; readonly text: string };

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*)/g;

/** Splits a line into styled runs; unmatched markers stay literal text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const token = match[0];
    const at = match.index;
    if (at > last) out.push({ text: text.slice(last, at), style: 'plain' });
    if (token.startsWith('**')) out.push({ text: token.slice(2, -2), style: 'strong' });
    else if (token.startsWith('`')) out.push({ text: token.slice(1, -1), style: 'code' });
    else out.push({ text: token.slice(1, -1), style: 'em' });
    last = at + token.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), style: 'plain' });
  return out;
}

const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;

/** Reads Markdown into blocks. Anything it does not know is a paragraph of literal text. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trimStart().startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].trimStart().startsWith('```'); i++) code.push(lines[i]);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length, inlines: parseInline(heading[2].trim()) });
      continue;
    }
    if (BULLET.test(line)) {
      flush();
      const listLines: string[] = [];
      while (i < lines.length && (BULLET.test(lines[i]) || (listLines.length > 0 && /^\s{2,}\S/.test(lines[i]) && !HEADING.test(lines[i])))) {
        listLines.push(lines[i]);
        i++;
      }
      i--;
      blocks.push({ kind: 'list', items: parseList(listLines) });
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** Nests list lines by indentation; a continuation line joins the item above it. */
function parseList(lines: readonly string[]): ListItem[] {
  const root: ListItem[] = [];
  const stack: Array<{ indent: number; item: ListItem; text: string[] }> = [];
  const done: Array<{ item: ListItem; text: string[] }> = [];
  for (const line of lines) {
    const bullet = BULLET.exec(line);
    if (!bullet) {
      stack.at(-1)?.text.push(line.trim());
      continue;
    }
    const indent = bullet[1].length;
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    const item: ListItem = { inlines: [], children: [] };
    const entry = { indent, item, text: [bullet[2]] };
    (stack.at(-1)?.item.children ?? root).push(item);
    stack.push(entry);
    done.push(entry);
  }
  for (const { item, text } of done) item.inlines.push(...parseInline(text.join(' ')));
  return root;
}
