import assert from 'node:assert/strict';
import { ATOM_TOOL, parseHeader, SKELETON_TOOL } from '../../../../src/core/atomize/contract';
import { generateRun } from '../../../../src/core/generate/generateRun';
import type { MasterPlan } from '../../../../src/core/masterplan/schema';
import { taskApiPyDiscovery } from '../../../fixtures/fake-anthropic/scenarios/task-api-py';
import { planningReply, planTask, toolReply } from '../../../fixtures/fake-anthropic/scenarios/planning';
import type { Scenario } from '../../../fixtures/fake-anthropic/types';
import { startGenerateHarness, type GenerateHarness } from './generateHarness';

const detail = { loc: 20, language: 'python', context: '', description: 'Tasks and a repository.', acceptance: 'python3 -m unittest' };
const plan: MasterPlan = {
  title: 'Tasks (Python)', summary: 'A repository of tasks.',
  phases: [{ id: 'P1', name: 'All', goal: 'all', tasks: [planTask('T1', 'Package', ['tasks/__init__.py', 'tasks/repo.py'], [], detail)] }],
};

const REPO = `"""Tasks kept in memory."""
from dataclasses import dataclass


@dataclass
class Task:
    id: str
    done: bool = False


class TaskRepository:
    """Tasks by id."""

    def __init__(self) -> None:
        self._items: dict[str, Task] = {}

    def add(self, task: Task) -> None:
        """Stores a task under its id."""
        ...  # @atom TaskRepository.add: stores the task in _items under its id

    def open_count(self) -> int:
        """How many tasks are not done."""
        ...  # @atom TaskRepository.open_count: counts the tasks in _items that are not done


# @atom SAMPLE: declares SAMPLE, a list of two tasks with ids "a" and "b"
`;

const CODE: Record<string, string> = {
  'TaskRepository.add': 'self._items[task.id] = task',
  'TaskRepository.open_count': 'count = 0\nfor task in self._items.values():\n    if not task.done:\n        count += 1\nreturn count',
  SAMPLE: 'SAMPLE = [Task("a"), Task("b", done=True)]',
};

const scenario: Scenario = {
  name: 'python-tasks',
  description: 'One Python task answered atom by atom.',
  reply(request) {
    const planning = planningReply(request, { discovery: taskApiPyDiscovery, plan });
    if (planning) return planning;
    const header = parseHeader(request.promptText);
    if (header?.kind === 'skeleton') return toolReply(SKELETON_TOOL, { files: [{ path: 'tasks/__init__.py', content: '' }, { path: 'tasks/repo.py', content: REPO }] });
    if (header?.kind === 'atom') return toolReply(ATOM_TOOL, { code: CODE[header.unit] ?? 'pass' });
    return { kind: 'error', status: 400, errorType: 'invalid_request_error', message: 'no header' };
  },
};

describe('generateRun on a Python skeleton', function () {
  this.timeout(30_000);
  let h: GenerateHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('fills method and module holes at their indentation and validates them as Python', async () => {
    h = await startGenerateHarness(scenario);
    const summary = await generateRun(h.deps, { request: 'tasks', workspaceRoot: h.workspaceRoot }, new AbortController().signal);
    assert.equal(summary.outcome, 'done', JSON.stringify(summary.failed));
    assert.deepEqual([summary.atoms, summary.atomsPassed], [4, 4]);
    const repo = h.sink.files()['tasks/repo.py'] ?? '';
    assert.match(repo, /\n {8}self\._items\[task\.id\] = task\n/);
    assert.match(repo, /\n {8}for task in self\._items\.values\(\):\n {12}if not task\.done:\n {16}count \+= 1\n {8}return count\n/);
    assert.match(repo, /\nSAMPLE = \[Task\("a"\), Task\("b", done=True\)\]\n$/);
    assert.equal(h.sink.files()['tasks/__init__.py'], '');
  });
});
