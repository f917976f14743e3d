/** Runs and their event log. */
import { progressEventSchema, stageSchema, type ProgressEvent } from '../../shared/events';
import type { NewRun, RunRecord, RunStatus, RunUpdate } from '../ports';
import type { Row, StoreDatabase } from './database';
import { newId } from './ids';
import { num, numOrNull, str, strOrNull } from './rowValues';

const RUN_STATUSES: readonly RunStatus[] = ['running', 'done', 'failed', 'cancelled'];

/** Insert a run in status `running` and return it. */
export function insertRun(db: StoreDatabase, run: NewRun, now: number): RunRecord {
  const id = newId('run');
  db.run(
    `INSERT INTO runs (id, kind, engine, request, workspace_root, model, conversation_id, source_run_id, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
    [id, run.kind, run.engine, run.request, run.workspaceRoot, run.model, run.conversationId, run.sourceRunId, now, now],
  );
  const created = getRun(db, id);
  if (!created) throw new Error(`run ${id} vanished after insert`);
  return created;
}

/** The run with this id, or undefined. */
export function getRun(db: StoreDatabase, runId: string): RunRecord | undefined {
  const row = db.get('SELECT * FROM runs WHERE id = ?', [runId]);
  return row ? toRun(row) : undefined;
}

/** The most recently created run (rowid breaks ties within one millisecond). */
export function latestRun(db: StoreDatabase): RunRecord | undefined {
  const row = db.get('SELECT * FROM runs ORDER BY created_at DESC, rowid DESC LIMIT 1');
  return row ? toRun(row) : undefined;
}

/** Runs of a conversation, oldest first. */
export function runsForConversation(db: StoreDatabase, conversationId: string): RunRecord[] {
  return db.all('SELECT * FROM runs WHERE conversation_id = ? ORDER BY created_at, rowid', [conversationId]).map(toRun);
}

/** Generate runs still marked running: their process died (a crash, a closed window) mid-run. */
export function unfinishedRuns(db: StoreDatabase): RunRecord[] {
  return db.all(`SELECT * FROM runs WHERE status = 'running' AND kind = 'generate' ORDER BY created_at DESC, rowid DESC`).map(toRun);
}

/** The generate run started from planning run `runId`, if any. */
export function runGeneratedFrom(db: StoreDatabase, runId: string): RunRecord | undefined {
  const row = db.get('SELECT * FROM runs WHERE source_run_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1', [runId]);
  return row ? toRun(row) : undefined;
}

/** Change status, stage or error; a terminal status also stamps finished_at. */
export function updateRun(db: StoreDatabase, runId: string, update: RunUpdate, now: number): void {
  const sets: string[] = ['updated_at = ?'];
  const params: Array<string | number | null> = [now];
  if (update.status !== undefined) {
    sets.push('status = ?', 'finished_at = ?');
    params.push(update.status, update.status === 'running' ? null : now);
  }
  if (update.stage !== undefined) {
    sets.push('stage = ?');
    params.push(update.stage);
  }
  if (update.error !== undefined) {
    sets.push('error_code = ?', 'error_message = ?');
    params.push(update.error?.code ?? null, update.error?.message ?? null);
  }
  params.push(runId);
  db.run(`UPDATE runs SET ${sets.join(', ')} WHERE id = ?`, params);
}

/** Append an event to the run's log, numbered after the last one. */
export function appendEvent(db: StoreDatabase, runId: string, event: ProgressEvent, now: number): void {
  db.run(
    `INSERT INTO events (run_id, seq, type, json, at)
     VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE run_id = ?), ?, ?, ?)`,
    [runId, runId, event.type, JSON.stringify(event), now],
  );
}

/** The run's events in order; rows that no longer match the event schema are skipped. */
export function listEvents(db: StoreDatabase, runId: string): ProgressEvent[] {
  return db.all('SELECT json FROM events WHERE run_id = ? ORDER BY seq', [runId]).flatMap((row) => {
    const parsed = progressEventSchema.safeParse(JSON.parse(str(row, 'json')));
    return parsed.success ? [parsed.data] : [];
  });
}

function toRun(row: Row): RunRecord {
  const status = RUN_STATUSES.find((s) => s === row.status);
  if (!status) throw new TypeError(`runs.status: unknown value ${String(row.status)}`);
  const stage = strOrNull(row, 'stage');
  const kind = str(row, 'kind');
  const engine = str(row, 'engine');
  return {
    id: str(row, 'id'),
    kind: kind === 'generate' ? 'generate' : 'plan',
    engine: engine === 'v1' ? 'v1' : 'v2',
    request: str(row, 'request'),
    workspaceRoot: str(row, 'workspace_root'),
    model: str(row, 'model'),
    conversationId: strOrNull(row, 'conversation_id'),
    sourceRunId: strOrNull(row, 'source_run_id'),
    status,
    stage: stage === null ? null : stageSchema.parse(stage),
    errorCode: strOrNull(row, 'error_code'),
    errorMessage: strOrNull(row, 'error_message'),
    createdAt: num(row, 'created_at'),
    updatedAt: num(row, 'updated_at'),
    finishedAt: numOrNull(row, 'finished_at'),
  };
}
