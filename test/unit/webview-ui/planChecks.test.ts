import assert from 'node:assert/strict';
import { findCycle, planProblems, problemsFromHost } from '../../../webview-ui/src/planChecks';
import { addTask, setDependencies, updateTask } from '../../../webview-ui/src/planEdits';
import { plan } from './builders';

describe('webview-ui/planChecks', () => {
  it('names the task and the field of a schema problem', () => {
    const edited = updateTask(plan(), 'T2', { title: '' });
    assert.deepEqual(planProblems(edited), [{ taskId: 'T2', message: 'Task T2: the title is empty.' }]);
    const noFiles = addTask(plan(), 'P1', { title: 'X', description: 'Y', files: '', language: 'ts' }).plan;
    assert.deepEqual(planProblems(noFiles), [{ taskId: 'T4', message: 'Task T4: the file list needs at least one entry.' }]);
  });

  it('finds unknown and self dependencies and cycles', () => {
    const p = plan();
    p.phases[0].tasks[0].dependsOn = ['T3'];
    p.phases[1].tasks[0].dependsOn = ['T2', 'T3', 'T7'];
    const messages = planProblems(p).map((x) => x.message);
    assert.ok(messages.includes('Task T3 depends on itself.'));
    assert.ok(messages.includes('Task T3 depends on T7, which is not in the plan.'));
    assert.ok(messages.includes('Dependency cycle: T1 -> T3 -> T2 -> T1.'), messages.join('\n'));
  });

  it('reports no cycle in a DAG', () => {
    assert.equal(findCycle(new Map([['a', ['b']], ['b', []], ['c', ['a', 'b']]])), null);
    assert.deepEqual(planProblems(setDependencies(plan(), 'T3', ['T1'])), []);
  });

  it('attaches the host\'s problems to the tasks they name', () => {
    const problems = problemsFromHost(['Task T2 writes "../x", which is refused: outside the workspace.', 'The plan has no tasks.'], ['T1', 'T2']);
    assert.deepEqual(problems.map((p) => p.taskId), ['T2', null]);
  });
});
