/**
 * The chat panel in the real VS Code workbench, in a real browser (Debian chromium).
 * Run with `npm run test:ui`; the screenshot lands in test-output/screenshots/chat.png.
 */
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { VscodeSession } from './vscodeSession';

describe('chat panel in the VS Code workbench (chromium)', function () {
  this.timeout(180_000);
  let session: VscodeSession;
  let chat: Frame;

  before(async () => {
    session = await VscodeSession.start();
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state !== 'failed' || !session) return;
    const shot = await session.screenshot(`failed-${test.title.replace(/\W+/g, '-')}`).catch(() => '(no screenshot)');
    console.log(`      screenshot of the failure: ${shot}\n--- recent workbench log ---\n${session.recentLog()}`);
  });

  after(async () => {
    await session?.close();
  });

  it('opens from the command palette and shows #mge-app in a webview frame', async () => {
    chat = await session.openChat();
    assert.ok(chat.url().length > 0);
  });

  it('has the message box and the Send button, by accessible name', async () => {
    const { input, send } = session.chatControls(chat);
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await send.waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('shows a sent message in the conversation', async () => {
    await session.setApiKey('sk-ant-ui-test');
    chat = await session.chatFrame();
    const { input, send } = session.chatControls(chat);
    const text = 'Create a todo CLI with add, list and done commands';
    await input.click();
    await input.fill(text);
    await send.click();
    const conversation = chat.getByRole('list', { name: 'Conversation' });
    await conversation.getByText(text).first().waitFor({ state: 'visible', timeout: 20_000 });
    const saved = await session.screenshot('chat');
    console.log(`      screenshot: ${saved}`);
  });
});
