import assert from 'node:assert/strict';
import {
  addTask, commonLanguage, dependencyCandidates, findTask, formatFileList, nextTaskId, parseFileList,
  removeTask, renumberTasks, setDependencies, taskIds, updateTask,
} from '../../../webview-ui/src/planEdits';
import { planProblems } from '../../../webview-ui/src/planChecks';
import { plan } from './builders';

describe('webview-ui/planEdits', () => {
  it('edits a task\'s title and description without touching the original', () => {
    const original = plan();
    const edited = updateTask(original, 'T2', { title: 'Due dates', description: 'Add a due date.' });
    assert.equal(findTask(edited, 'T2')?.title, 'Due dates');
    assert.equal(findTask(original, 'T2')?.title, 'Task T2');
    assert.deepEqual(planProblems(edited), []);
  });

  it('removes a task and every dependency on it', () => {
    const edited = removeTask(plan(), 'T2');
    assert.deepEqual(taskIds(edited), ['T1', 'T3']);
    assert.deepEqual(findTask(edited, 'T3')?.dependsOn, []);
    assert.deepEqual(planProblems(edited), []);
  });

  it('adds a task to a phase with the next free id and schema-valid defaults', () => {
    const { plan: edited, taskId } = addTask(plan(), 'P2', {
      title: ' Export CSV ', description: 'Export tasks as CSV.', files: 'src/export.ts\nsrc/t1.ts (modify)\n\n', language: 'TypeScript',
    });
    assert.equal(taskId, 'T4');
    const added = findTask(edited, 'T4');
    assert.equal(added?.title, 'Export CSV');
    assert.equal(added?.language, 'typescript');
    assert.deepEqual(added?.files, [{ path: 'src/export.ts', change: 'create' }, { path: 'src/t1.ts', change: 'modify' }]);
    assert.equal(added?.boundedContext, 'core');
    assert.deepEqual(edited.phases[1].tasks.map((t) => t.id), ['T3', 'T4']);
    assert.deepEqual(planProblems(edited), []);
  });

  it('skips ids already taken when numbering', () => {
    const p = plan();
    p.phases[0].tasks[0].id = 'T9';
    p.phases[0].tasks[1].dependsOn = ['T9'];
    assert.equal(nextTaskId(p), 'T10');
  });

  it('never reuses the id of a task removed in this review', () => {
    const original = plan();
    const edited = removeTask(original, 'T3');
    assert.equal(nextTaskId(edited), 'T3');
    assert.equal(addTask(edited, 'P1', { title: 'A', description: 'B', files: 'a.ts', language: 'ts' }, taskIds(original)).taskId, 'T4');
  });

  it('offers as dependencies only tasks that would not close a cycle', () => {
    // T3 needs T2 needs T1: T1 may not depend on T2 or T3.
    assert.deepEqual(dependencyCandidates(plan(), 'T1'), []);
    assert.deepEqual(dependencyCandidates(plan(), 'T3'), ['T1', 'T2']);
  });

  it('sets dependencies to known ids in plan order, never the task itself', () => {
    const edited = setDependencies(plan(), 'T3', ['T3', 'T2', 'nope', 'T1', 'T2']);
    assert.deepEqual(findTask(edited, 'T3')?.dependsOn, ['T1', 'T2']);
  });

  it('renumbers tasks T1..Tn in plan order and rewrites dependencies', () => {
    const { plan: renumbered, renamed } = renumberTasks(removeTask(plan(), 'T1'));
    assert.deepEqual(taskIds(renumbered), ['T1', 'T2']);
    assert.deepEqual(findTask(renumbered, 'T2')?.dependsOn, ['T1']);
    assert.equal(renamed.get('T3'), 'T2');
  });

  it('reads and writes the file list format, and finds the common language', () => {
    const files = parseFileList('a\\b.ts\n  c.ts (Modify)  \na\\b.ts');
    assert.deepEqual(files, [{ path: 'a/b.ts', change: 'create' }, { path: 'c.ts', change: 'modify' }]);
    assert.equal(formatFileList(files), 'a/b.ts\nc.ts (modify)');
    assert.equal(commonLanguage(plan()), 'typescript');
  });
});
