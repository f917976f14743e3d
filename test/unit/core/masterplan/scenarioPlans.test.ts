// The plans and discovery documents the fake server answers with are themselves checked: a
// scenario that answered an invalid "valid" plan would make every end-to-end test meaningless.
import assert from 'node:assert/strict';
import { discoveryDocumentSchema } from '../../../../src/core/discovery/schema';
import { masterPlanSchema, planTasks, type MasterPlan } from '../../../../src/core/masterplan/schema';
import { sizeGuidance } from '../../../../src/core/masterplan/sizeGuidance';
import { validatePlan } from '../../../../src/core/masterplan/validatePlan';
import { escapingPlan } from '../../../fixtures/fake-anthropic/scenarios/plan-outside-once';
import { cyclicPlan } from '../../../fixtures/fake-anthropic/scenarios/plan-cycle-once';
import { syntheticLargeDiscovery, syntheticLargePlan } from '../../../fixtures/fake-anthropic/scenarios/synthetic-large';
import { taskApiPyDiscovery, taskApiPyPlan } from '../../../fixtures/fake-anthropic/scenarios/task-api-py';
import { taskApiTsDiscovery, taskApiTsPlan } from '../../../fixtures/fake-anthropic/scenarios/task-api-ts';

const WORKSPACE = '/nonexistent/mge-workspace';

describe('masterplan: scenario plans', () => {
  const cases: Array<[string, unknown, MasterPlan, number]> = [
    ['task-api-ts', taskApiTsDiscovery, taskApiTsPlan, 25],
    ['task-api-py', taskApiPyDiscovery, taskApiPyPlan, 24],
    ['synthetic-large', syntheticLargeDiscovery, syntheticLargePlan, 120],
  ];
  for (const [name, discovery, plan, taskCount] of cases) {
    it(`${name}: schema-valid discovery and plan, a valid plan of ${taskCount} tasks within the size guidance`, () => {
      const doc = discoveryDocumentSchema.parse(discovery);
      masterPlanSchema.parse(plan);
      assert.deepEqual(validatePlan(plan, WORKSPACE), []);
      assert.equal(planTasks(plan).length, taskCount);
      const size = sizeGuidance(doc);
      assert.ok(taskCount >= size.minTasks && taskCount <= size.maxTasks, `${taskCount} tasks outside ${size.minTasks}-${size.maxTasks}`);
    });
  }

  it('task ids run T1..Tn in plan order', () => {
    for (const plan of [taskApiTsPlan, taskApiPyPlan, syntheticLargePlan]) {
      assert.deepEqual(planTasks(plan).map((t) => t.id).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))), planTasks(plan).map((_, i) => `T${i + 1}`));
    }
  });

  it('the broken plans are broken in the intended way only', () => {
    assert.deepEqual(validatePlan(cyclicPlan, WORKSPACE).map((p) => p.message), ['Dependency cycle: T5 -> T7 -> T6 -> T5.']);
    assert.deepEqual(validatePlan(escapingPlan, WORKSPACE).map((p) => p.kind), ['outside-workspace', 'outside-workspace']);
  });

  it('a small one-context request is sized around ten tasks', () => {
    const tiny = discoveryDocumentSchema.parse({
      ...taskApiTsDiscovery,
      boundedContexts: [{ ...taskApiTsDiscovery.boundedContexts[2], domainEvents: [], aggregates: taskApiTsDiscovery.boundedContexts[2]?.aggregates.map((a) => ({ ...a, invariants: a.invariants.slice(0, 2) })) }],
    });
    const size = sizeGuidance(tiny);
    assert.ok(size.minTasks >= 6 && size.maxTasks <= 15, JSON.stringify(size));
  });
});
