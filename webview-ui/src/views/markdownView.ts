import { html, nothing, type TemplateResult } from 'lit';
import { parseMarkdown, type Block, type Inline, type ListItem } from '../markdown';

/**
 * Model-written Markdown as lit templates. Every piece of text goes through a text binding, so
 * whatever the model wrote (tags, scripts, entities) is shown, never parsed as HTML.
 */
export function renderMarkdown(source: string): TemplateResult {
  return html`<div class="md">${parseMarkdown(source).map(renderBlock)}</div>`;
}

function renderBlock(block: Block): TemplateResult {
  switch (block.kind) {
    case 'heading':
      // Headings inside a card sit below the card's own heading level.
      return block.level === 1 ? html`<h4>${renderInlines(block.inlines)}</h4>`
        : block.level === 2 ? html`<h5>${renderInlines(block.inlines)}</h5>` : html`<h6>${renderInlines(block.inlines)}</h6>`;
    case 'paragraph':
      return html`<p>${renderInlines(block.inlines)}</p>`;
    case 'list':
      return renderList(block.items);
    case 'code':
      return html`<pre><code>${block.text}</code></pre>`;
  }
}

function renderList(items: readonly ListItem[]): TemplateResult {
  return html`<ul>${items.map((item) => html`<li>${renderInlines(item.inlines)}${item.children.length > 0 ? renderList(item.children) : nothing}</li>`)}</ul>`;
}

function renderInlines(inlines: readonly Inline[]): TemplateResult[] {
  return inlines.map((i) => i.style === 'strong' ? html`<strong>${i.text}</strong>`
    : i.style === 'em' ? html`<em>${i.text}</em>`
      : i.style === 'code' ? html`<code>${i.text}</code>` : html`${i.text}`);
}
