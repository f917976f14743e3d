import assert from 'node:assert/strict';
import { parseInline, parseMarkdown } from '../../../webview-ui/src/markdown';

describe('webview-ui/markdown', () => {
  it('reads inline bold, emphasis and code, and leaves HTML as literal text', () => {
    assert.deepEqual(parseInline('**T1 Types** uses `zod` and *value objects* <img src=x onerror=alert(1)>'), [
      { text: 'T1 Types', style: 'strong' },
      { text: ' uses ', style: 'plain' },
      { text: 'zod', style: 'code' },
      { text: ' and ', style: 'plain' },
      { text: 'value objects', style: 'em' },
      { text: ' <img src=x onerror=alert(1)>', style: 'plain' },
    ]);
    assert.deepEqual(parseInline('2 * 3 = 6'), [{ text: '2 * 3 = 6', style: 'plain' }]);
  });

  it('reads headings, paragraphs, nested lists and fenced code', () => {
    const blocks = parseMarkdown([
      '# Task management', '', 'A REST API', 'for teams.', '', '## P1 Model', '',
      '- **T1 Types** (after T0)', '  - files: `src/a.ts`', '  - done when: it compiles', '- T2', '',
      '```', 'npm test', '```',
    ].join('\n'));
    assert.deepEqual(blocks.map((b) => b.kind), ['heading', 'paragraph', 'heading', 'list', 'code']);
    assert.deepEqual(blocks[1], { kind: 'paragraph', inlines: [{ text: 'A REST API for teams.', style: 'plain' }] });
    const list = blocks[3];
    assert.ok(list.kind === 'list');
    assert.equal(list.items.length, 2);
    assert.equal(list.items[0].children.length, 2);
    assert.deepEqual(list.items[0].children[0].inlines[1], { text: 'src/a.ts', style: 'code' });
    assert.deepEqual(blocks[4], { kind: 'code', text: 'npm test' });
  });
});
