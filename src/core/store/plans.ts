/** Discovery documents, masterplans (valid and refused) and their tasks. */
import { discoveryDocumentSchema, type DiscoveryDocument } from '../discovery/schema';
import { masterPlanSchema, planTasks, type MasterPlan } from '../masterplan/schema';
import type { StoredDiscovery, StoredMasterPlan } from '../ports';
import type { Row, StoreDatabase } from './database';
import { newId } from './ids';
import { num, str } from './rowValues';

/** Store a discovery document for a run. */
export function insertDiscovery(db: StoreDatabase, runId: string, document: DiscoveryDocument, markdown: string, now: number): StoredDiscovery {
  const id = newId('dd');
  db.run('INSERT INTO discovery_documents (id, run_id, domain, json, markdown, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    id,
    runId,
    document.domain,
    JSON.stringify(document),
    markdown,
    now,
  ]);
  return { id, runId, document, markdown, createdAt: now };
}

/** The latest discovery document of a run. */
export function discoveryForRun(db: StoreDatabase, runId: string): StoredDiscovery | undefined {
  const row = db.get('SELECT * FROM discovery_documents WHERE run_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1', [runId]);
  if (!row) return undefined;
  return {
    id: str(row, 'id'),
    runId,
    // Parsed again on the way out: a stored document is trusted no more than a fresh answer.
    document: discoveryDocumentSchema.parse(JSON.parse(str(row, 'json'))),
    markdown: str(row, 'markdown'),
    createdAt: num(row, 'created_at'),
  };
}

/** Store a validated plan and one tasks row per task, in one transaction. */
export function insertMasterPlan(db: StoreDatabase, runId: string, discoveryId: string, plan: MasterPlan, markdown: string, now: number): StoredMasterPlan {
  const id = newId('mp');
  const tasks = planTasks(plan);
  db.transaction(() => {
    db.run(
      `INSERT INTO masterplans (id, run_id, discovery_id, status, json, markdown, phases, tasks, created_at)
       VALUES (?, ?, ?, 'valid', ?, ?, ?, ?, ?)`,
      [id, runId, discoveryId, JSON.stringify(plan), markdown, plan.phases.length, tasks.length, now],
    );
    tasks.forEach((task, ordinal) => {
      const { phaseId, ...rest } = task;
      db.run('INSERT INTO tasks (masterplan_id, task_id, phase_id, ordinal, json) VALUES (?, ?, ?, ?, ?)', [id, task.id, phaseId, ordinal, JSON.stringify(rest)]);
    });
  });
  return { id, runId, discoveryId, plan, markdown, createdAt: now };
}

/** Keep a refused plan with its problems; status 'invalid' keeps it out of every plan lookup. */
export function insertRejectedPlan(db: StoreDatabase, runId: string, discoveryId: string, plan: MasterPlan, problems: readonly string[], now: number): string {
  const id = newId('mp');
  db.run(
    `INSERT INTO masterplans (id, run_id, discovery_id, status, problems_json, json, markdown, phases, tasks, created_at)
     VALUES (?, ?, ?, 'invalid', ?, ?, '', ?, ?, ?)`,
    [id, runId, discoveryId, JSON.stringify(problems), JSON.stringify(plan), plan.phases.length, planTasks(plan).length, now],
  );
  return id;
}

/** The latest valid plan of a run. */
export function masterPlanForRun(db: StoreDatabase, runId: string): StoredMasterPlan | undefined {
  const row = db.get(`SELECT * FROM masterplans WHERE run_id = ? AND status = 'valid' ORDER BY created_at DESC, rowid DESC LIMIT 1`, [runId]);
  return row ? toPlan(row) : undefined;
}

/** A valid plan by id. */
export function getMasterPlan(db: StoreDatabase, masterPlanId: string): StoredMasterPlan | undefined {
  const row = db.get(`SELECT * FROM masterplans WHERE id = ? AND status = 'valid'`, [masterPlanId]);
  return row ? toPlan(row) : undefined;
}

function toPlan(row: Row): StoredMasterPlan {
  return {
    id: str(row, 'id'),
    runId: str(row, 'run_id'),
    discoveryId: str(row, 'discovery_id'),
    plan: masterPlanSchema.parse(JSON.parse(str(row, 'json'))),
    markdown: str(row, 'markdown'),
    createdAt: num(row, 'created_at'),
  };
}
