/**
 * The chat panel in chromium with a fake host (test/ui/panel/): first paint, plan review and
 * Execute, live waves and the countdown, the summary, Review and Apply, restore after a reload,
 * errors, keyboard and accessible names, in dark, light and high-contrast themes. Screenshots land
 * in test-output/screenshots/panel-*.png. Needs `node esbuild.mjs` first (dist/webview/main.js).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../support/codeServerHost';
import { PanelHarness, type Theme } from './panel/harness';
import { generateContextEvents, generateEndEvents, generateEvents, planContextEvents, planRunEvents, runInfo } from './panel/fixtures';
import type { FakeHost } from './panel/fakeHost';
import type { MasterPlan } from '../../src/core/masterplan/schema';

/** Runs `fn` in the page with its fake host and `arg` (JSON); `fn` sees nothing else of this module. */
function withHost<T, A = null>(page: Page, fn: (host: FakeHost, arg: A) => T, arg: A | null = null): Promise<T> {
  return page.evaluate<T>(`(${fn.toString()})(globalThis.mgeHost, ${JSON.stringify(arg)})`);
}

const SHOTS = join(REPO_ROOT, 'test-output/screenshots');

async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `panel-${name}.png`);
  await page.screenshot({ path });
  return path;
}

describe('chat panel front end (chromium, fake host)', function () {
  this.timeout(60_000);
  let harness: PanelHarness;

  before(async () => {
    harness = await PanelHarness.start();
  });

  after(async () => {
    await harness?.close();
  });

  it('paints the conversation, the planning run and its cards', async () => {
    const { page, errors } = await harness.open('dark');
    await page.getByRole('button', { name: 'Review plan' }).waitFor({ timeout: 10_000 });
    await page.getByText('Discovery Document: Task management').waitFor();
    console.log(`      ${await shot(page, 'first-paint-dark')}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('reviews the plan: edit, remove, add, dependencies; invalid keeps the edits; Execute starts generation', async () => {
    const { page, errors } = await harness.open('dark');
    await page.getByRole('button', { name: 'Review plan' }).click();
    await page.getByText('Review the plan before any code is written').waitFor();
    await page.locator('details[data-task="T2"] > summary').click();
    await page.getByRole('textbox', { name: 'Title of task T2' }).fill('User, role and assignment types');
    await page.locator('details[data-task="T5"] > summary').click();
    await page.getByRole('button', { name: 'Remove task T5' }).click();
    await page.getByRole('button', { name: 'Add a task to phase P2' }).click();
    await page.getByRole('textbox', { name: 'Title of new task T6' }).fill('CSV export');
    await page.getByRole('textbox', { name: 'Description of new task T6' }).fill('Export tasks of a project as CSV.');
    await page.getByRole('textbox', { name: 'Files of new task T6, one path a line' }).fill('src/services/csvExport.ts');
    await page.getByRole('button', { name: 'Add task T6' }).click();
    await page.locator('details[data-task="T6"][open]').waitFor();
    await page.getByRole('combobox', { name: 'Tasks that task T6 depends on' }).click();
    await page.getByRole('option', { name: 'T4 Task service' }).click();
    await page.keyboard.press('Escape');
    await page.locator('details[data-task="T6"] > summary', { hasText: 'after T4' }).waitFor();
    console.log(`      ${await shot(page, 'plan-review-dark')}`);
    await withHost(page, (host) => host.executeAnswers.push({ status: 'invalid', problems: ['Task T4 writes "../outside.ts", which is refused: outside the workspace.'] }));
    await page.getByRole('button', { name: 'Execute the plan' }).click();
    await page.getByText('The last Execute was refused; nothing ran.').waitFor();
    await page.locator('details[data-task="T4"].has-problems').waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Title of task T2' }).inputValue(), 'User, role and assignment types');
    console.log(`      ${await shot(page, 'plan-invalid-dark')}`);
    await page.getByRole('button', { name: 'Execute the plan' }).click();
    await page.locator('.run-title', { hasText: 'Generation (V2)' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Review plan' }).count(), 0);
    const calls = await withHost(page, (host) => host.calls.filter((c) => c.method === 'plan/execute'));
    assert.equal(calls.length, 2);
    const sent = (calls[1].params as { plan: MasterPlan }).plan;
    const tasks = sent.phases.flatMap((p) => p.tasks);
    assert.deepEqual(tasks.map((t) => t.id), ['T1', 'T2', 'T3', 'T4', 'T6']);
    assert.equal(tasks[1].title, 'User, role and assignment types');
    assert.deepEqual(tasks[4].files, [{ path: 'src/services/csvExport.ts', change: 'create' }]);
    assert.deepEqual(tasks[4].dependsOn, ['T4']);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows live waves, atoms, the rate-limit countdown and cost, then the summary; Review and Apply report what happened', async () => {
    const { page, errors } = await harness.open('dark', `
      host.state = { ...host.state, runs: [
        { ...host.state.runs[0], awaitingReview: false, generateRunId: 'gen1' },
        ${JSON.stringify(runInfo('gen1', []))},
      ] };`);
    await page.locator('.run-title', { hasText: 'Generation (V2)' }).waitFor();
    await withHost(page, (host, events) => host.emit(events), generateEvents());
    await page.getByRole('progressbar', { name: /Wave 1 of 3: 4 of 4 done/ }).waitFor();
    await page.getByText('Rate limited:').waitFor();
    const countdown = Number((await page.locator('.countdown').textContent())?.replace(/\D/g, ''));
    assert.ok(countdown > 30 && countdown <= 42, `countdown ${countdown}`);
    await page.getByText('$0.2113').waitFor();
    await page.getByText('1 retry').waitFor();
    await page.getByRole('button', { name: 'Stop run' }).waitFor();
    // Files proposed while the run goes: Apply is there but waits for the end (not final yet).
    await withHost(page, (host) => host.updateRun('gen1', { pendingProposals: 2 }));
    await page.getByText('Apply is available once the run ends; Stop it to apply what is proposed so far.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Apply accepted changes' }).getAttribute('disabled'), '', 'Apply is disabled while the run goes');
    console.log(`      ${await shot(page, 'waves-dark')}`);
    await withHost(page, (host, events) => host.emit(events), generateEndEvents());
    await withHost(page, (host) => host.updateRun('gen1', { status: 'done', live: false, pendingProposals: 6 }));
    const summary = page.getByRole('region', { name: 'Run summary' });
    await summary.waitFor();
    for (const text of ['mp-7f3a', '89 %', '78 %', '4 retries', '$0.2671', 'prompt caching saved $0.4012', '18.0 s (2.3x)', 'POST /tasks returned 500.',
      'types 6 passed, 3 skipped', 'runtime 2 passed, 1 failed, 6 skipped', 'types: skipped for 3 atoms — typescript-language-server not found',
      'runtime: skipped for 5 atoms — not a test file']) {
      await summary.getByText(text, { exact: false }).first().waitFor({ timeout: 2000 });
    }
    assert.equal(await page.getByRole('button', { name: 'Stop run' }).count(), 0);
    console.log(`      ${await shot(page, 'summary-dark')}`);
    await page.getByRole('button', { name: 'Review changes, 6 files' }).click();
    await page.getByText('Opened the diff of src/domain/task.ts in the editor (6 proposed files; Review again for another): accept or reject each atom, or the whole file, with the buttons above its code, then Apply.').waitFor();
    await page.getByRole('button', { name: 'Apply accepted changes' }).click();
    await page.getByText('Applied 2 files, skipped 1 file, refused 1 file, discarded 1 file you rejected.').waitFor();
    await page.getByText('You changed it after the proposal was made.').waitFor();
    console.log(`      ${await shot(page, 'applied-dark')}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('restores every run from the stored events after a reload, edits of an open review included', async () => {
    const setup = `host.state = { ...host.state, runs: [
        { ...host.state.runs[0], awaitingReview: false, generateRunId: 'gen1' },
        ${JSON.stringify(runInfo('gen1', [...generateEvents(), ...generateEndEvents()], { status: 'done', live: false, pendingProposals: 6 }))},
      ] };`;
    const { page, errors } = await harness.open('light', setup);
    await page.getByRole('region', { name: 'Run summary' }).waitFor();
    // A stored pause of a finished run is not counted down again.
    assert.equal(await page.locator('.countdown').count(), 0);
    assert.equal(await page.getByRole('progressbar', { name: /Wave 3 of 3: 1 of 2 done, 0 running, 1 failed/ }).count(), 1);
    console.log(`      ${await shot(page, 'restored-light')}`);
    assert.deepEqual(errors, []);
    await page.close();

    // An open review with edits survives the webview being thrown away (vscode.setState).
    const first = await harness.open('dark');
    await first.page.getByRole('button', { name: 'Review plan' }).click();
    await first.page.locator('details[data-task="T1"] > summary').click();
    await first.page.getByRole('textbox', { name: 'Title of task T1' }).fill('Edited before reload');
    const saved = await withHost(first.page, (host) => host.savedState);
    await first.page.close();
    const second = await harness.open('dark', `host.savedState = ${JSON.stringify(saved)};`);
    await second.page.locator('details[data-task="T1"] > summary', { hasText: 'Edited before reload' }).waitFor();
    await second.page.getByRole('button', { name: 'Discard all edits' }).waitFor();
    assert.deepEqual([...first.errors, ...second.errors], []);
    await second.page.close();
  });

  it('lists the context used under the MasterPlan and per task, opens an entry at its lines, and redraws it after a reload', async () => {
    for (const theme of ['dark', 'light'] as const) {
      // Stored events: what the panel replays after a reload.
      const { page, errors } = await harness.open(theme, `host.state = { ...host.state, runs: [
        { ...host.state.runs[0], awaitingReview: false, generateRunId: 'gen1', events: [...host.state.runs[0].events, ...${JSON.stringify(planContextEvents())}] },
        ${JSON.stringify(runInfo('gen1', [...generateEvents(), ...generateContextEvents(), ...generateEndEvents()], { status: 'done', live: false, pendingProposals: 6 }))},
      ] };`);
      await page.locator('summary', { hasText: 'Context used by the MasterPlan (3)' }).click();
      await page.getByRole('button', { name: 'Open examples/express/task-routes.ts:1-38 (example)' }).waitFor();
      await page.getByRole('button', { name: 'Open src/shared/errors.ts:1-18 (workspace)' }).waitFor();
      const generation = page.locator('summary', { hasText: 'Context used in generation (4)' });
      await generation.getByText('3 prompts').waitFor();
      await generation.click();
      await page.locator('details.context-task > summary', { hasText: 'Task T1' }).click();
      await page.getByText('Skeleton', { exact: true }).waitFor();
      await page.locator('.context-scope', { hasText: 'Task.assign' }).waitFor();
      console.log(`      ${await shot(page, `context-used-${theme}`)}`);
      await page.getByRole('button', { name: 'Open examples/ddd/task-aggregate.ts:20-34 (example)' }).click();
      await page.waitForFunction(() => (globalThis as unknown as { mgeHost: FakeHost }).mgeHost.calls.some((c) => c.method === 'context/open'));
      const opened = await withHost(page, (host) => host.calls.filter((c) => c.method === 'context/open').map((c) => c.params));
      assert.deepEqual(opened, [{ path: 'examples/ddd/task-aggregate.ts', startLine: 20, endLine: 34, source: 'examples' }]);
      assert.deepEqual(errors, []);
      await page.close();
    }

    // Live: the panel adds what arrives; a snippet the host refuses to open says why.
    const { page, errors } = await harness.open('dark', `host.state = { ...host.state, runs: [
      { ...host.state.runs[0], awaitingReview: false, generateRunId: 'gen1' }, ${JSON.stringify(runInfo('gen1', generateEvents()))},
    ] };`);
    await page.locator('.run-title', { hasText: 'Generation (V2)' }).waitFor();
    assert.equal(await page.locator('summary', { hasText: 'Context used in generation' }).count(), 0, 'nothing retrieved, nothing listed');
    await withHost(page, (host) => host.emit([{ type: 'context/used', runId: 'gen1', scope: 'atom', taskId: 'T2', atomId: 'T2.src/a.ts#f',
      entries: [{ path: '../outside.ts', startLine: 3, endLine: 9, symbol: 'f', source: 'workspace', score: 1, tokens: 40 }] }]));
    await page.locator('summary', { hasText: 'Context used in generation (1)' }).click();
    await page.locator('details.context-task > summary', { hasText: 'Task T2' }).click();
    await page.getByRole('button', { name: 'Open ../outside.ts:3-9 (workspace)' }).click();
    await page.getByRole('alert').filter({ hasText: '../outside.ts is not inside the workspace.' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows a failing request as an alert with its message, never a blank panel, and recovers', async () => {
    const { page } = await harness.open('dark', `host.failing['app/getState'] = 'The database is locked by another window.';`);
    const alert = page.getByRole('alert').filter({ hasText: 'The database is locked by another window.' });
    await alert.waitFor();
    await page.getByRole('textbox', { name: 'Message MGE' }).waitFor();
    console.log(`      ${await shot(page, 'load-error-dark')}`);
    await withHost(page, (host) => { delete host.failing['app/getState']; });
    await page.getByRole('button', { name: 'Retry loading the panel' }).click();
    await page.getByRole('button', { name: 'Review plan' }).waitFor();
    assert.equal(await alert.count(), 0);

    await withHost(page, (host) => { host.failing['plan/get'] = 'plan/get is not wired yet'; });
    await page.getByRole('button', { name: 'Review plan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Could not load the plan: plan/get is not wired yet' }).waitFor();
    await withHost(page, (host) => { host.failing['run/resume'] = 'nope'; host.failing['review/apply'] = 'Unknown method "review/apply".'; });
    await page.close();
  });

  it('offers Resume for an interrupted run, Set API Key on an auth error, and sends a message', async () => {
    const { page, errors } = await harness.open('dark', `host.state = { ...host.state, runs: [
      ${JSON.stringify(runInfo('plan1', [...planRunEvents().slice(0, 4), { type: 'run/error', runId: 'plan1', code: 'auth', message: 'The API key was rejected.' }], { kind: 'plan', status: 'failed', live: false }))},
    ] };`);
    await page.getByRole('button', { name: 'Resume run' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'The API key was rejected.' }).getByRole('button', { name: 'Set API Key' }).click();
    await page.getByRole('button', { name: 'Resume run' }).click();
    await page.getByText('Resumed.').waitFor();
    const methods = await withHost(page, (host) => host.calls.map((c) => c.method));
    assert.ok(methods.includes('key/set') && methods.includes('run/resume'));
    await page.getByRole('textbox', { name: 'Message MGE' }).fill('A todo CLI with add, list and done');
    await page.keyboard.press('Control+Enter');
    await page.locator('.message.user .text', { hasText: 'A todo CLI with add, list and done' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Message MGE' }).inputValue(), '');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('stops a live run: "Stopping…" until it ends, then Resume', async () => {
    const { page, errors } = await harness.open('dark', `host.state = { ...host.state, runs: [
      { ...host.state.runs[0], awaitingReview: false, generateRunId: 'gen1' }, ${JSON.stringify(runInfo('gen1', generateEvents()))},
    ] };`);
    await page.getByRole('button', { name: 'Stop run' }).click();
    await page.getByText('Stopping…').waitFor();
    await withHost(page, (host) => {
      host.emit([{ type: 'run/finished', runId: 'gen1', outcome: 'cancelled', wallMs: 12_000 }]);
      host.updateRun('gen1', { status: 'cancelled', live: false });
    });
    await page.getByRole('button', { name: 'Resume run' }).waitFor();
    assert.equal(await page.getByText('Stopping…').count(), 0);
    await page.getByText('Stopped after 12.0 s.').waitFor();
    // The countdown of a run that stopped is gone with it.
    assert.equal(await page.locator('.countdown').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('names every focusable control and reaches them with Tab; Enter and Space operate them', async () => {
    const { page, errors } = await harness.open('dark');
    await page.getByRole('button', { name: 'Review plan' }).waitFor();
    // Build every view first: the cards, the tree, the editor with a task form and the add form.
    await page.locator('summary', { hasText: 'Discovery Document: Task management' }).click();
    await page.locator('summary', { hasText: 'MasterPlan' }).first().click();
    await page.getByRole('tree', { name: /MasterPlan: Task management API/ }).waitFor();
    await page.getByRole('button', { name: 'Review plan' }).click();
    await page.locator('details[data-task="T3"] > summary').click();
    await page.getByRole('button', { name: 'Add a task to phase P1' }).click();
    await page.getByRole('textbox', { name: 'Title of new task T6' }).waitFor();

    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree') as { nodes: AxNode[] };
    const unnamed = nodes.filter((n) => !n.ignored && n.properties?.some((p) => p.name === 'focusable' && p.value.value === true)
      && (n.name?.value ?? '').trim() === '' && !['RootWebArea', 'DisclosureTriangle', 'generic'].includes(n.role?.value ?? ''));
    assert.deepEqual(unnamed.map((n) => n.role?.value), [], 'focusable nodes without an accessible name');
    const roles = new Set(nodes.map((n) => n.role?.value));
    for (const role of ['tree', 'treeitem', 'combobox', 'textbox', 'button', 'status', 'alert'].filter((r) => r !== 'alert')) assert.ok(roles.has(role), role);

    // Keyboard only, from the top: Tab order reaches the controls, Enter/Space operate them.
    const reload = await harness.open('dark');
    const kb = reload.page;
    await kb.getByRole('button', { name: 'Review plan' }).waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 25 && !seen.includes('button:Review plan'); i++) {
      await kb.keyboard.press('Tab');
      seen.push(await kb.evaluate<string>(`(() => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        return (a.getAttribute('role') || a.tagName.toLowerCase()) + ':' + (a.getAttribute('aria-label') || a.textContent.trim().slice(0, 40)); })()`));
    }
    assert.ok(seen.some((s) => s.includes('Conversation')), seen.join(' | '));
    assert.ok(seen.includes('button:New conversation'), seen.join(' | '));
    assert.ok(seen.some((s) => s.startsWith('summary:') && s.includes('Discovery Document')), seen.join(' | '));
    await kb.keyboard.press('Enter');
    await kb.getByText('Review the plan before any code is written').waitFor();
    // Space opens a task from its summary; the task's title field follows it in Tab order.
    await kb.locator('details[data-task="T1"] > summary').focus();
    await kb.keyboard.press(' ');
    await kb.getByRole('textbox', { name: 'Title of task T1' }).waitFor();
    await kb.keyboard.press('Tab');
    // Tabbing into a field selects its text, as in any browser: End keeps it.
    await kb.keyboard.press('End');
    await kb.keyboard.type(' (edited)');
    assert.equal(await kb.getByRole('textbox', { name: 'Title of task T1' }).inputValue(), 'Task and project types (edited)');
    console.log(`      ${await shot(kb, 'keyboard-dark')}`);
    assert.deepEqual([...errors, ...reload.errors], []);
    await page.close();
    await kb.close();
  });

  for (const theme of ['light', 'high-contrast'] as const) {
    it(`draws the plan tree, the waves and the editor in the ${theme} theme`, async () => {
      const { page, errors } = await harness.open(theme, `host.state = { ...host.state, runs: [
        { ...host.state.runs[0], generateRunId: 'gen1' },
        ${JSON.stringify(runInfo('gen1', generateEvents()))},
      ] };`);
      await page.locator('summary', { hasText: 'MasterPlan' }).first().click();
      await page.getByRole('treeitem', { name: /Task T1 Task and project types/ }).waitFor();
      await page.getByRole('treeitem', { name: /Phase P2 Services/ }).click();
      console.log(`      ${await shot(page, `tree-waves-${theme}`)}`);
      await page.getByRole('button', { name: 'Review plan' }).click();
      await page.locator('details[data-task="T2"] > summary').click();
      await page.getByRole('textbox', { name: 'Title of task T2' }).fill('');
      await page.getByText('Task T2: the title is empty.').first().waitFor();
      console.log(`      ${await shot(page, `editor-${theme}`)}`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});

interface AxNode {
  ignored?: boolean;
  role?: { value: string };
  name?: { value: string };
  properties?: Array<{ name: string; value: { value: unknown } }>;
}

export type { Theme };
