import assert from 'node:assert/strict';
import { openDatabase, type StoreDatabase } from '../../../../src/core/store/database';
import { createSqlGenerationStore } from '../../../../src/core/store/generation';
import { createSqlPlanStore } from '../../../../src/core/store/planStore';
import { capturingLogger, manualClock } from '../testDoubles';

const NEW_RUN = { kind: 'generate', engine: 'v2', request: 'r', workspaceRoot: '/ws', model: 'm', conversationId: null, sourceRunId: null } as const;

describe('store/generation: applied and discarded files', () => {
  let db: StoreDatabase;
  const clock = manualClock();
  beforeEach(async () => {
    db = await openDatabase({ path: null, logger: capturingLogger() });
  });
  afterEach(() => db.close());

  it('records files discarded at Apply per run, and forgets them and applied files when an Apply is undone', () => {
    const plans = createSqlPlanStore(db, clock);
    const run = plans.createRun(NEW_RUN);
    const other = plans.createRun(NEW_RUN);
    const gen = createSqlGenerationStore(db, clock);
    gen.recordApplied(run.id, 'src/a.ts', 'sha-a');
    gen.recordApplied(run.id, 'src/b.ts', 'sha-b');
    gen.recordDiscarded(run.id, ['README.md', 'docs/x.md']);
    gen.recordDiscarded(run.id, ['README.md']);
    assert.deepEqual([...gen.discardedFiles(run.id)].sort(), ['README.md', 'docs/x.md']);
    assert.deepEqual([...gen.discardedFiles(other.id)], [], 'per run');
    gen.forgetApplied(run.id, ['src/a.ts']);
    gen.forgetDiscarded(run.id, ['README.md']);
    assert.deepEqual([...gen.appliedFiles(run.id).keys()], ['src/b.ts']);
    assert.deepEqual([...gen.discardedFiles(run.id)], ['docs/x.md']);
  });
});
