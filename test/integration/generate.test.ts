/**
 * The extension as people use it, in the real VS Code extension host against the fake Anthropic
 * API (scenario by-request; these runs answer as flaky-atoms: a small unit-conversion library of
 * 8 tasks and ~50 atoms, four of which are wrong on their first attempts):
 * "Generate from Description" to proposals, the `mge-proposed:` review with per-atom and per-file
 * accept/reject, "Apply accepted" as one edit and one undo (which puts the proposals back in
 * review), Apply refused while the run generates, plan review with an edited plan (and
 * a cycle refused), the V2 toggle routing to V1, and a rejected key.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MgeApi } from '../../src/extension';
import { proposedUri } from '../../src/host/review/proposedUris';
import type { MasterPlan } from '../../src/core/masterplan/schema';
import type { ApplyResult, ExecuteResult, PlanForReview, SendResult } from '../../src/shared/protocol';
import { scenarioTag } from '../fixtures/fake-anthropic/scenarios/by-request';
import { log } from './log';
import { eventually, getState, mge, openChat, readDisk, recorder, runInfo, setApiKey, setSetting, sleep, withTimeout, workspaceUri } from './support';
import { workbench } from './workbench';

const KEY = 'sk-ant-host-test-key';
/** What "the user" writes into a file between the proposal and the apply. */
const MINE = '// written by the user after MGE proposed this file\n';
const LIBRARY = 'Write a small TypeScript library that converts lengths, masses and temperatures between units, with tests.';

/** A request answered by the small-library scenario; `variant` keeps requests (and cached answers) apart. */
function request(variant: string): string {
  return `${LIBRARY} ${scenarioTag('flaky-atoms')} (${variant})`;
}

/** Starts a run with the palette command (the request as its argument); resolves with the run id. */
async function generate(text: string): Promise<string> {
  const runId = await withTimeout(vscode.commands.executeCommand<string | undefined>('mge.generateFromDescription', text), 30_000, 'mge.generateFromDescription');
  assert.equal(typeof runId, 'string', 'the command resolves with the id of the run it started');
  return runId as string;
}

/** The text the proposed-file system serves for a file of a run (under the current decisions). */
async function proposed(runId: string, relPath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(proposedUri(runId, relPath)));
}

/** The CodeLenses of a proposed file (the workbench computes them only for a loaded document). */
async function codeLenses(runId: string, relPath: string): Promise<vscode.CodeLens[]> {
  const uri = proposedUri(runId, relPath);
  await vscode.workspace.openTextDocument(uri);
  return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
}

interface AtomLens {
  readonly atomId: string;
  readonly unit: string;
  /** 0-based line the lens sits on: the atom's first line (or its placeholder when rejected). */
  readonly line: number;
  readonly command: 'mge.review.acceptAtom' | 'mge.review.rejectAtom';
}

/** The per-atom CodeLenses VS Code's CodeLens machinery gets from the extension for a proposed file. */
async function atomLenses(runId: string, relPath: string): Promise<AtomLens[]> {
  return (await codeLenses(runId, relPath))
    .filter((l) => l.command?.command === 'mge.review.acceptAtom' || l.command?.command === 'mge.review.rejectAtom')
    .map((l) => {
      const atomId = String(l.command?.arguments?.[2]);
      return { atomId, unit: atomId.slice(atomId.lastIndexOf('#') + 1), line: l.range.start.line, command: l.command?.command as AtomLens['command'] };
    });
}

/**
 * Checks that `after` is `before` with the atom starting at line `at` (0-based) replaced by one
 * placeholder line naming the hole, nothing else changed; returns the atom's lines.
 */
function assertAtomReplaced(before: string, after: string, at: number, unit: string): string[] {
  const b = before.split('\n');
  const a = after.split('\n');
  assert.deepEqual(a.slice(0, at), b.slice(0, at), `lines above ${unit} unchanged`);
  const below = a.length - at - 1;
  assert.ok(below >= 0 && below < b.length - at, `${unit}: the file got shorter by the atom's lines`);
  assert.deepEqual(a.slice(at + 1), b.slice(b.length - below), `lines below ${unit} unchanged`);
  assert.match(a[at], new RegExp(`@atom ${unit}\\b`), `${unit}'s placeholder is its hole line`);
  const removed = b.slice(at, b.length - below);
  assert.ok(removed.length >= 1 && !removed.some((l) => l.includes('@atom')), `${unit}: generated lines were replaced`);
  return removed;
}

/**
 * The `undo` command on the active editor, as Ctrl+Z does it. When VS Code asks whether to undo a
 * multi-file edit in every file, answers "Undo in N Files" (in the browser). Says what happened.
 */
async function undoOnce(): Promise<string> {
  let settled = false;
  const undone = Promise.resolve(vscode.commands.executeCommand('undo')).finally(() => {
    settled = true;
  });
  const dialog = { selector: '.monaco-dialog-box' };
  const shown = await eventually(async () => (settled ? false : (await workbench.count(dialog)) > 0 ? true : undefined), 10_000, 'the undo finishing or asking');
  // While extension tests run VS Code answers confirm() itself (DialogService.skipDialogs), so only
  // a prompt() with choices would show; test/ui/flow.test.ts presses Ctrl+Z in the real UI.
  let what = 'undone without a dialog';
  if (shown) {
    const message = await workbench.text({ selector: '.monaco-dialog-box .dialog-message-text' });
    await workbench.click({ role: 'button', name: 'Undo in' });
    what = `VS Code asked "${message}", answered "Undo in N Files"`;
  }
  await withTimeout(undone, 15_000, 'the undo command');
  return what;
}

describe('MGE generates, reviews and applies in the real host (fake API)', function () {
  this.timeout(90_000);
  let api: MgeApi;

  before(async () => {
    api = await mge();
    await openChat(api);
    await setApiKey(KEY);
    assert.equal((await getState(api)).key.hasKey, true, 'app/getState sees the stored key');
  });

  describe('Generate from Description, plan review off', () => {
    let runId: string;
    let files: string[];
    const FILE = 'src/convert.ts';
    /** What the proposal of FILE reads with everything accepted. */
    let full: string;
    /** FILE's composed text after the decisions. */
    let decided: string;
    /** Every proposed file's text as it will be applied. */
    const expected = new Map<string, string>();

    before(async () => {
      await setSetting('reviewPlanBeforeExecution', false);
    });
    after(async () => {
      await setSetting('reviewPlanBeforeExecution', undefined);
    });

    it('runs a V2 generation to run/finished and proposes its files', async () => {
      const started = Date.now();
      runId = await generate(request('generate'));
      // The status bar item while the run goes ("MGE wave k/n · $cost"), gone when it ends.
      const statusItem = { selector: '.statusbar-item', hasText: 'MGE' };
      const shown = new Set<string>();
      let running = true;
      const watching = (async () => {
        while (running) {
          if ((await workbench.count(statusItem)) > 0) shown.add((await workbench.text(statusItem, 1000).catch(() => '')).trim());
          await sleep(100);
        }
      })();
      const finished = await recorder.next(runId, 'run/finished').finally(() => {
        running = false;
      });
      await watching;
      log(`      status bar during the run: ${[...shown].join(' | ') || '(nothing seen)'}`);
      assert.ok([...shown].some((t) => /MGE (planning|wave \d+\/\d+) · \$\d+\.\d\d/.test(t)), `the status bar showed the run (${[...shown].join(' | ')})`);
      await eventually(async () => ((await workbench.count(statusItem)) === 0 ? true : undefined), 5000, 'the status bar item hiding after the run');
      const events = recorder.of(runId);
      const summary = await recorder.next(runId, 'run/summary', 1000);
      log(`      run ${runId}: ${finished.outcome} in ${finished.wallMs} ms (${Date.now() - started} ms from the command); ${summary.atoms} atoms, ${summary.retries} retries, ${summary.filesProposed.length} files`);
      assert.equal(finished.outcome, 'done');
      assert.equal(events.find((e) => e.type === 'run/started')?.engine, 'v2');
      assert.ok(events.some((e) => e.type === 'waves/planned'), 'the waves were planned');
      assert.ok(summary.retries >= 1, 'the flaky atoms were retried');
      assert.equal(summary.atomsFailed, 0);
      files = [...summary.filesProposed].sort();
      assert.ok(files.includes(FILE) && files.includes('README.md'), `proposed: ${files.join(', ')}`);
      const info = await eventually(async () => {
        const run = await runInfo(api, runId);
        return run.pendingProposals > 0 ? run : undefined;
      }, 5000, 'the proposals reaching app/getState');
      assert.equal(info.kind, 'generate');
      assert.equal(info.status, 'done');
      assert.equal(info.pendingProposals, files.length);
      assert.equal((await readDisk(workspaceUri(FILE))), undefined, 'nothing is written before review');
    });

    it('opens the proposed code from the tree (diff of mge-proposed:) and keeps it read-only', async () => {
      await vscode.commands.executeCommand('mge.tree.openAtom', runId, `T4.${FILE}#convert0`);
      const uri = proposedUri(runId, FILE);
      const tab = await eventually(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(
        (t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === uri.toString(),
      ), 10_000, `a diff tab showing ${uri.toString()}`);
      assert.equal(tab.label, `${FILE} (MGE proposal)`);
      const document = await vscode.workspace.openTextDocument(uri);
      full = document.getText();
      assert.match(full, /export function convert0\(/);
      assert.doesNotMatch(full, /@atom/, 'every hole is filled');
      assert.equal(full, await proposed(runId, FILE));
      await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('x'))), 'mge-proposed: is read-only');
    });

    it('rejects atoms to their placeholders and accepts one back (the CodeLens commands)', async () => {
      const lenses = await atomLenses(runId, FILE);
      assert.ok(lenses.length >= 5, `one lens per atom (${lenses.length})`);
      assert.ok(lenses.every((l) => l.command === 'mge.review.rejectAtom'), 'every atom starts accepted');
      const [, first, , second, third] = lenses;

      await vscode.commands.executeCommand(first.command, runId, FILE, first.atomId);
      const afterFirst = await proposed(runId, FILE);
      const firstLines = assertAtomReplaced(full, afterFirst, first.line, first.unit);

      let now = await atomLenses(runId, FILE);
      const secondNow = now.find((l) => l.atomId === second.atomId);
      assert.ok(secondNow);
      await vscode.commands.executeCommand('mge.review.rejectAtom', runId, FILE, second.atomId);
      const afterSecond = await proposed(runId, FILE);
      assertAtomReplaced(afterFirst, afterSecond, secondNow.line, second.unit);

      // A third rejected, then accepted again: back to the text with two rejections.
      await vscode.commands.executeCommand('mge.review.rejectAtom', runId, FILE, third.atomId);
      assert.notEqual(await proposed(runId, FILE), afterSecond);
      now = await atomLenses(runId, FILE);
      const thirdLens = now.find((l) => l.atomId === third.atomId);
      assert.ok(thirdLens);
      assert.equal(thirdLens.command, 'mge.review.acceptAtom', 'a rejected atom offers Accept');
      await vscode.commands.executeCommand(thirdLens.command, runId, FILE, third.atomId);
      decided = await proposed(runId, FILE);
      assert.equal(decided, afterSecond);
      assert.ok(!decided.includes(firstLines.join('\n')), 'the rejected code is gone');

      // A whole file rejected.
      await vscode.commands.executeCommand('mge.review.rejectFile', runId, 'README.md');
      const readmeLenses = await codeLenses(runId, 'README.md');
      assert.ok(readmeLenses.some((l) => l.command?.command === 'mge.review.acceptFile'), 'a rejected file offers Accept file');
      for (const f of files) expected.set(f, await proposed(runId, f));
      assert.equal(expected.get(FILE), decided);
    });

    it('applies exactly the accepted atoms and the rejected atoms\' placeholders, in one edit', async () => {
      const result = await withTimeout(vscode.commands.executeCommand<ApplyResult>('mge.review.applyAccepted', runId), 20_000, 'mge.review.applyAccepted');
      assert.equal(result.status, 'applied');
      if (result.status !== 'applied') return;
      const accepted = files.filter((f) => f !== 'README.md');
      assert.deepEqual([...result.applied].sort(), accepted);
      assert.deepEqual(result.skipped, []);
      assert.deepEqual(result.refused, []);
      assert.deepEqual(result.discarded, ['README.md'], 'the file rejected whole is discarded by the apply');
      for (const f of accepted) assert.equal(await readDisk(workspaceUri(f)), expected.get(f), `${f} on disk is the reviewed proposal`);
      assert.equal(await readDisk(workspaceUri('README.md')), undefined, 'the rejected file is not written');
      const onDisk = await readDisk(workspaceUri(FILE));
      assert.equal(onDisk, decided);
      assert.equal((onDisk ?? '').match(/@atom /g)?.length, 2, 'two placeholders in the file with two rejected atoms');
      const run = await runInfo(api, runId);
      assert.equal(run.pendingProposals, 0, 'nothing is left in review: the rejected file left with the apply');
      assert.deepEqual(await codeLenses(runId, 'README.md').catch(() => []), [], 'no Accept/Reject lenses for the discarded file');
      const again = await withTimeout(vscode.commands.executeCommand<ApplyResult>('mge.review.applyAccepted', runId), 10_000, 'a second mge.review.applyAccepted');
      assert.equal(again.status, 'nothing', 'a second Apply has nothing left to do');
    });

    it('one undo takes the whole apply back', async () => {
      const editor = await vscode.window.showTextDocument(workspaceUri(FILE), { preview: false });
      assert.equal(editor.document.getText(), decided);
      log(`      undo: ${await undoOnce()}`);
      const left = await eventually(async () => {
        const remaining: string[] = [];
        for (const f of files) {
          const text = await readDisk(workspaceUri(f));
          if (text !== undefined && text !== '') remaining.push(f);
        }
        return remaining.length === 0 ? remaining : undefined;
      }, 10_000, `every applied file removed by one undo (files: ${files.join(', ')})`);
      assert.deepEqual(left, []);
      for (const f of files) assert.equal(await readDisk(workspaceUri(f)), undefined, `${f} is deleted, not just emptied`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('the undone apply puts its proposals back in review, with the decisions they had', async () => {
      const started = Date.now();
      const info = await eventually(async () => {
        const run = await runInfo(api, runId);
        return run.pendingProposals === files.length ? run : undefined;
      }, 10_000, `every file of the undone apply back in review (${files.length})`);
      log(`      after the undo: ${info.pendingProposals} files back in review (${Date.now() - started} ms into this check)`);
      assert.equal(await proposed(runId, FILE), decided, 'the rejected atoms are still rejected');
      const readme = await codeLenses(runId, 'README.md');
      assert.ok(readme.some((l) => l.command?.command === 'mge.review.acceptFile'), 'README.md is still rejected (it offers Accept file)');
      for (const f of files) assert.equal(await readDisk(workspaceUri(f)), undefined, `${f} is not written again`);
    });
  });

  describe('plan review before execution (default on)', () => {
    let planRunId: string;
    let plan: PlanForReview;
    let generatedRunId: string;
    let conversationId: string;

    it('a chat message makes a planning run that waits for review', async () => {
      const sent = (await api.request('chat/send', { text: request('plan review'), conversationId: null })) as SendResult;
      assert.equal(sent.status, 'started');
      if (sent.status !== 'started') return;
      planRunId = sent.runId;
      conversationId = sent.conversationId;
      const finished = await recorder.next(planRunId, 'run/finished');
      assert.equal(finished.outcome, 'done');
      const types = recorder.of(planRunId).map((e) => e.type);
      assert.ok(types.includes('discovery/ready') && types.includes('plan/ready'), types.join(', '));
      assert.ok(!types.includes('waves/planned'), 'no code is generated before Execute');
      const run = await runInfo(api, planRunId);
      assert.equal(run.kind, 'plan');
      assert.equal(run.awaitingReview, true);
      assert.equal(run.generateRunId, null);
      plan = (await api.request('plan/get', { runId: planRunId })) as PlanForReview;
      assert.match(plan.discoveryMarkdown, /Unit conversion/);
      assert.equal(plan.plan.phases.flatMap((p) => p.tasks).length, 8);
    });

    it('refuses an edited plan with a cycle and names it', async () => {
      const cyclic: MasterPlan = structuredClone(plan.plan);
      const t2 = cyclic.phases.flatMap((p) => p.tasks).find((t) => t.id === 'T2');
      assert.ok(t2);
      t2.dependsOn.push('T4');
      const result = (await api.request('plan/execute', { runId: planRunId, plan: cyclic })) as ExecuteResult;
      assert.equal(result.status, 'invalid');
      if (result.status !== 'invalid') return;
      log(`      problems: ${result.problems.join(' | ')}`);
      assert.ok(result.problems.some((p) => /cycle/i.test(p) && /T2/.test(p) && /T3/.test(p) && /T4/.test(p)), result.problems.join('; '));
      assert.equal((await runInfo(api, planRunId)).awaitingReview, true, 'still waiting for review');
    });

    it('executes an edited plan (a task removed, a title changed) as a generate run', async () => {
      const edited: MasterPlan = structuredClone(plan.plan);
      for (const phase of edited.phases) phase.tasks = phase.tasks.filter((t) => t.id !== 'T8');
      const t5 = edited.phases.flatMap((p) => p.tasks).find((t) => t.id === 'T5');
      assert.ok(t5);
      t5.title = 'Parsing quantities (reviewed)';
      const result = (await api.request('plan/execute', { runId: planRunId, plan: edited })) as ExecuteResult;
      assert.equal(result.status, 'started', JSON.stringify(result));
      if (result.status !== 'started') return;
      generatedRunId = result.runId;
      const finished = await recorder.next(result.runId, 'run/finished');
      assert.equal(finished.outcome, 'done');
      const summary = await recorder.next(result.runId, 'run/summary', 1000);
      assert.equal(summary.tasks, 7);
      assert.ok(!summary.filesProposed.includes('README.md'), 'the removed task made no file');
      assert.ok(summary.filesProposed.includes('src/parse.ts'));
      const stages = recorder.of(result.runId).flatMap((e) => (e.type === 'stage/started' ? [e.stage] : []));
      assert.ok(!stages.includes('discovery') && !stages.includes('masterplan'), `no planning again, the reviewed plan is used (stages: ${stages.join(', ')})`);
      assert.equal((await recorder.next(result.runId, 'plan/ready', 1000)).tasks, 7);
      const run = await runInfo(api, planRunId);
      assert.equal(run.awaitingReview, false);
      assert.equal(run.generateRunId, result.runId);
      // The native MasterPlan tree shows the edited plan.
      await workbench.waitFor({ role: 'treeitem', name: 'T5 Parsing quantities (reviewed)' }, 'visible', 10_000);
      assert.equal(await workbench.count({ role: 'treeitem', name: 'T8 README' }), 0, 'the removed task is not in the tree');
      const stored = (await api.request('plan/get', { runId: planRunId })) as PlanForReview;
      assert.equal(stored.plan.phases.flatMap((p) => p.tasks).find((t) => t.id === 'T5')?.title, 'Parsing quantities (reviewed)');
    });

    it('a second message in the same conversation starts a run listed with it', async () => {
      const text = request('plan review, second message');
      const sent = (await api.request('chat/send', { text, conversationId })) as SendResult;
      assert.equal(sent.status, 'started');
      if (sent.status !== 'started') return;
      assert.equal(sent.conversationId, conversationId);
      await recorder.next(sent.runId, 'run/finished');
      const state = await getState(api);
      assert.equal(state.activeConversationId, conversationId);
      const message = state.messages.find((m) => m.text === text);
      assert.equal(message?.runId, sent.runId, `the message links its run (messages: ${JSON.stringify(state.messages.map((m) => [m.text.slice(-30), m.runId]))})`);
      assert.deepEqual(state.runs.map((r) => r.runId).filter((id) => id === planRunId || id === sent.runId), [planRunId, sent.runId], `runs: ${state.runs.map((r) => r.runId).join(', ')}`);
      assert.equal(state.runs.find((r) => r.runId === sent.runId)?.awaitingReview, true);
    });

    it('never overwrites a file changed since the proposal without asking', async () => {
      // The question is a modal dialog, and VS Code refuses every dialog while extension tests run
      // (DialogService.skipDialogs): here the apply must stop at the question with nothing written.
      // The answers themselves (Skip Changed Files, Overwrite) are clicked in test/ui/flow.test.ts.
      const summary = await recorder.next(generatedRunId, 'run/summary', 1000);
      const changed = 'src/parse.ts';
      await vscode.workspace.fs.writeFile(workspaceUri(changed), new TextEncoder().encode(MINE));
      const outcome = await withTimeout(
        Promise.resolve(vscode.commands.executeCommand<ApplyResult>('mge.review.applyAccepted', generatedRunId)).then(
          (result) => `resolved ${JSON.stringify(result)}`,
          (err: unknown) => `rejected: ${err instanceof Error ? err.message : String(err)}`,
        ),
        20_000,
        'mge.review.applyAccepted',
      );
      log(`      apply with ${changed} changed: ${outcome}`);
      assert.match(outcome, /refused to show dialog/, 'the apply asked (a modal dialog) before writing');
      assert.equal(await readDisk(workspaceUri(changed)), MINE, 'the changed file is untouched');
      for (const f of summary.filesProposed.filter((x) => x !== changed)) assert.equal(await readDisk(workspaceUri(f)), undefined, `${f} not written either`);
      assert.equal((await runInfo(api, generatedRunId)).pendingProposals, summary.filesProposed.length, 'everything is still in review');
      await vscode.workspace.fs.delete(workspaceUri(changed));
    });
  });

  describe('Stop and Resume (run/stop, run/resume)', () => {
    before(async () => {
      await setSetting('reviewPlanBeforeExecution', false);
    });
    after(async () => {
      await setSetting('reviewPlanBeforeExecution', undefined);
    });

    it('a run stopped during generation resumes to the same end', async () => {
      const text = request('stop and resume');
      let stopping: Promise<unknown> | undefined;
      let target: string | undefined;
      const subscription = api.onEvent((event) => {
        if (stopping === undefined && event.runId === target && event.type === 'atom/status' && event.status === 'passed') {
          stopping = api.request('run/stop', { runId: event.runId });
        }
      });
      try {
        const sent = (await api.request('chat/send', { text, conversationId: null })) as SendResult;
        assert.equal(sent.status, 'started');
        if (sent.status !== 'started') return;
        target = sent.runId;
        const stopped = await recorder.next(sent.runId, 'run/finished');
        assert.deepEqual(await stopping, { stopped: true });
        assert.equal(stopped.outcome, 'cancelled');
        const before = await recorder.next(sent.runId, 'run/summary', 1000);
        assert.ok(before.atomsPassed < before.atoms, `stopped with atoms left (${before.atomsPassed}/${before.atoms})`);
        const started = Date.now();
        const resumed = (await api.request('run/resume', { runId: sent.runId })) as ExecuteResult;
        assert.deepEqual(resumed, { status: 'started', runId: sent.runId });
        const finished = await recorder.next(sent.runId, 'run/finished', 60_000, (e) => e.outcome !== 'cancelled');
        const events = recorder.of(sent.runId);
        const second = events.slice(events.lastIndexOf(stopped) + 1);
        const pauses = second.filter((e) => e.type === 'llm/pause').map((e) => (e.type === 'llm/pause' ? `${e.reason} ${e.secondsLeft} s` : ''));
        const summary = [...second].reverse().find((e) => e.type === 'run/summary');
        log(`      stopped at ${before.atomsPassed}/${before.atoms} atoms passed; resumed to ${finished.outcome} in ${Date.now() - started} ms${pauses.length ? `, pauses: ${pauses.join(', ')}` : ''}; summary after resume: ${summary?.type === 'run/summary' ? `${summary.atomsPassed}/${summary.atoms} passed, $${summary.costUsd.toFixed(4)} (before the stop: $${before.costUsd.toFixed(4)})` : 'none'}`);
        assert.equal(finished.outcome, 'done');
        assert.ok(summary?.type === 'run/summary' && summary.atomsPassed === summary.atoms && summary.atoms === before.atoms, 'every atom passed after the resume');
        assert.equal((await runInfo(api, sent.runId)).pendingProposals, summary?.type === 'run/summary' ? summary.filesProposed.length : -1);
      } finally {
        subscription.dispose();
      }
    });
  });

  describe('Apply while a run generates', () => {
    before(async () => {
      await setSetting('reviewPlanBeforeExecution', false);
    });
    after(async () => {
      await setSetting('reviewPlanBeforeExecution', undefined);
    });

    it('is refused with the reason until the run ends (command and panel), nothing written', async () => {
      let target: string | undefined;
      let during: Promise<{ command: ApplyResult; panel: ApplyResult; live: boolean; pending: number }> | undefined;
      // Asked as soon as an atom of the last wave passes: earlier files are proposed, the run goes on.
      const subscription = api.onEvent((event) => {
        if (during !== undefined || event.runId !== target || event.type !== 'atom/status' || event.status !== 'passed') return;
        const waves = recorder.of(event.runId).find((e) => e.type === 'waves/planned');
        if (waves?.type !== 'waves/planned' || event.wave !== waves.waveSizes.length - 1) return;
        const runId = event.runId;
        during = (async () => {
          const [command, panel] = await Promise.all([
            Promise.resolve(vscode.commands.executeCommand<ApplyResult>('mge.review.applyAccepted', runId)),
            api.request('review/apply', { runId }) as Promise<ApplyResult>,
          ]);
          const run = await runInfo(api, runId);
          return { command, panel, live: run.live, pending: run.pendingProposals };
        })();
      });
      try {
        target = await generate(request('apply while generating'));
        await recorder.next(target, 'run/finished');
        assert.ok(during, 'an atom of the last wave passed');
        const seen = await during;
        log(`      apply during the run (${seen.pending} files proposed so far, live ${seen.live}): ${JSON.stringify(seen.command)}`);
        for (const result of [seen.command, seen.panel]) {
          assert.equal(result.status, 'nothing');
          assert.match(result.status === 'nothing' ? result.message : '', /still generating: Apply once it ends/);
        }
        const summary = await recorder.next(target, 'run/summary', 1000);
        for (const f of summary.filesProposed) assert.equal(await readDisk(workspaceUri(f)), undefined, `${f} not written`);
        assert.equal((await runInfo(api, target)).pendingProposals, summary.filesProposed.length, 'every proposal waits for review after the run');
      } finally {
        subscription.dispose();
      }
    });
  });

  describe('mge.v2.enabled off', () => {
    before(async () => {
      await setSetting('reviewPlanBeforeExecution', false);
      await setSetting('v2.enabled', false);
    });
    after(async () => {
      await setSetting('v2.enabled', undefined);
      await setSetting('reviewPlanBeforeExecution', undefined);
    });

    it('routes the command to V1 (engine v1 in the run\'s events)', async () => {
      const runId = await generate(request('v1'));
      const finished = await recorder.next(runId, 'run/finished');
      const started = recorder.of(runId).find((e) => e.type === 'run/started');
      assert.equal(started?.type === 'run/started' ? started.engine : undefined, 'v1');
      const summary = await recorder.next(runId, 'run/summary', 1000);
      assert.equal(summary.engine, 'v1');
      assert.equal(finished.outcome, 'done');
      assert.equal((await runInfo(api, runId)).engine, 'v1');
      assert.ok(summary.filesProposed.length > 0);
    });
  });

  describe('a key the API rejects', () => {
    after(async () => {
      await setApiKey(KEY);
    });

    it('ends the run with run/error code auth', async () => {
      await setApiKey('invalid-host-test-key');
      const runId = await generate(request(`wrong key ${Date.now()}`));
      const error = await recorder.next(runId, 'run/error');
      assert.equal(error.code, 'auth');
      assert.match(error.message, /Anthropic rejected the API key/);
      assert.ok(!error.message.includes('invalid-host-test-key'), 'the key is not in the message');
      const finished = await recorder.next(runId, 'run/finished');
      assert.equal(finished.outcome, 'failed');
    });
  });
});
