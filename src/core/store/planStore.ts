/** The PlanStore port over the sql.js database: the repositories with the clock applied. */
import type { Clock, PlanStore } from '../ports';
import type { StoreDatabase } from './database';
import { contextUsedForRun, insertLlmCall, usageForRun } from './llmCalls';
import { discoveryForRun, getMasterPlan, insertDiscovery, insertMasterPlan, insertRejectedPlan, masterPlanForRun } from './plans';
import { appendEvent, getRun, insertRun, latestRun, listEvents, updateRun } from './runs';

/** A PlanStore writing to `db`; timestamps come from `clock`. */
export function createSqlPlanStore(db: StoreDatabase, clock: Pick<Clock, 'now'>): PlanStore {
  return {
    createRun: (run) => insertRun(db, run, clock.now()),
    getRun: (runId) => getRun(db, runId),
    latestRun: () => latestRun(db),
    updateRun: (runId, update) => updateRun(db, runId, update, clock.now()),
    appendEvent: (runId, event) => appendEvent(db, runId, event, clock.now()),
    listEvents: (runId) => listEvents(db, runId),
    saveDiscovery: (runId, document, markdown) => insertDiscovery(db, runId, document, markdown, clock.now()),
    discoveryForRun: (runId) => discoveryForRun(db, runId),
    saveMasterPlan: (runId, discoveryId, plan, markdown) => insertMasterPlan(db, runId, discoveryId, plan, markdown, clock.now()),
    saveRejectedMasterPlan: (runId, discoveryId, plan, problems) => insertRejectedPlan(db, runId, discoveryId, plan, problems, clock.now()),
    masterPlanForRun: (runId) => masterPlanForRun(db, runId),
    getMasterPlan: (masterPlanId) => getMasterPlan(db, masterPlanId),
    recordLlmCall: (runId, call) => insertLlmCall(db, runId, call, clock.now()),
    usageForRun: (runId) => usageForRun(db, runId),
    contextUsedForRun: (runId) => contextUsedForRun(db, runId),
    flushNow: () => db.flushNow(),
  };
}
