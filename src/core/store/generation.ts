/** The GenerationStore port over the sql.js database (tables of migration 4). */
import type { AtomKind, AtomSpec, TaskFile } from '../atomize/types';
import type { AtomRecord, AttemptEntry, GenerationStore, ModelUsage, ProposalRecord, TaskState } from '../generate/store';
import { isLanguageId } from '../parse/languages';
import type { Clock, FileProposal, ProposedAtomRange } from '../ports';
import type { LevelResult } from '../validate/types';
import { atomStatusSchema, validationLevelSchema, type AtomFailure } from '../../shared/events';
import type { Row, StoreDatabase } from './database';
import { num, numOrNull, str, strOrNull } from './rowValues';

const KINDS: readonly AtomKind[] = ['body', 'top-level', 'file', 'chunk'];

/** A GenerationStore writing to `db`; timestamps come from `clock`. */
export function createSqlGenerationStore(db: StoreDatabase, clock: Pick<Clock, 'now'>): GenerationStore {
  const insertAtom = (runId: string, a: AtomSpec): void => {
    db.run(
      `INSERT OR REPLACE INTO atoms (run_id, atom_id, task_id, path, unit, kind, signature, description, hole_line, hole_text,
         indent, language, ordinal, status, attempts, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      // A whole file has nothing to generate: it is done the moment it exists.
      [runId, a.atomId, a.taskId, a.path, a.unit, a.kind, a.signature, a.description, a.holeLine, a.holeText, a.indent, a.language, a.ordinal,
        a.kind === 'file' ? 'passed' : 'pending', clock.now()],
    );
  };
  return {
    taskStates(runId) {
      const rows = db.all('SELECT * FROM gen_tasks WHERE run_id = ?', [runId]);
      return new Map(rows.map((r) => [str(r, 'task_id'), toTaskState(r)]));
    },
    saveTaskResult(runId, taskId, attempts, files, atoms) {
      db.transaction(() => {
        db.run('DELETE FROM gen_task_files WHERE run_id = ? AND task_id = ?', [runId, taskId]);
        db.run('DELETE FROM atoms WHERE run_id = ? AND task_id = ?', [runId, taskId]);
        for (const f of files) {
          db.run('INSERT INTO gen_task_files (run_id, task_id, path, ordinal, content, base_content) VALUES (?, ?, ?, ?, ?, ?)', [
            runId, taskId, f.path, f.ordinal, f.content, f.baseContent ?? null,
          ]);
        }
        for (const a of atoms) insertAtom(runId, a);
        db.run(
          `INSERT OR REPLACE INTO gen_tasks (run_id, task_id, status, attempts, failure_level, failure_message, updated_at)
           VALUES (?, ?, 'done', ?, NULL, NULL, ?)`,
          [runId, taskId, attempts, clock.now()],
        );
      });
    },
    markTaskFailed(runId, taskId, attempts, failure) {
      db.run(
        `INSERT OR REPLACE INTO gen_tasks (run_id, task_id, status, attempts, failure_level, failure_message, updated_at)
         VALUES (?, ?, 'failed', ?, ?, ?, ?)`,
        [runId, taskId, attempts, failure.level, failure.message, clock.now()],
      );
    },
    taskFiles(runId) {
      return db
        .all(
          `SELECT f.* FROM gen_task_files f JOIN gen_tasks t ON t.run_id = f.run_id AND t.task_id = f.task_id
           WHERE f.run_id = ? ORDER BY t.rowid, f.ordinal`,
          [runId],
        )
        .map(toTaskFile);
    },
    atoms(runId) {
      return db.all('SELECT * FROM atoms WHERE run_id = ? ORDER BY ordinal', [runId]).map(toAtom);
    },
    insertAtoms(runId, atoms) {
      db.transaction(() => {
        for (const a of atoms) insertAtom(runId, a);
      });
    },
    updateAtom(runId, atomId, u) {
      const sets = ['status = ?', 'updated_at = ?'];
      const params: Array<string | number | null> = [u.status, clock.now()];
      const optional: Array<[string, string | number | null | undefined]> = [
        ['attempts', u.attempts],
        ['code', u.code],
        ['duration_ms', u.durationMs === undefined ? undefined : Math.round(u.durationMs)],
      ];
      for (const [column, value] of optional) {
        if (value === undefined) continue;
        sets.push(`${column} = ?`);
        params.push(value);
      }
      if (u.failure !== undefined) {
        sets.push('failure_level = ?', 'failure_message = ?');
        params.push(u.failure?.level ?? null, u.failure?.message ?? null);
      }
      params.push(runId, atomId);
      db.run(`UPDATE atoms SET ${sets.join(', ')} WHERE run_id = ? AND atom_id = ?`, params);
    },
    resetRunningAtoms(runId) {
      const n = num(db.get(`SELECT COUNT(*) AS n FROM atoms WHERE run_id = ? AND status = 'running'`, [runId]) ?? { n: 0 }, 'n');
      if (n > 0) db.run(`UPDATE atoms SET status = 'pending', updated_at = ? WHERE run_id = ? AND status = 'running'`, [clock.now(), runId]);
      return n;
    },
    recordAttempt(runId, e) {
      db.run(
        `INSERT INTO attempts (run_id, atom_id, attempt, model, temperature, prompt_hash, input_tokens, output_tokens,
           cache_read_tokens, cache_write_tokens, cost_usd, duration_ms, from_cache, passed, failure_level, failure_message, levels_json, code, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [runId, e.atomId, e.attempt, e.model, e.temperature, e.promptHash, e.usage.inputTokens, e.usage.outputTokens, e.usage.cacheReadTokens,
          e.usage.cacheWriteTokens, e.costUsd, Math.round(e.durationMs), e.fromCache ? 1 : 0, e.passed ? 1 : 0, e.failure?.level ?? null,
          e.failure?.message ?? null, JSON.stringify(e.levels), e.code, clock.now()],
      );
    },
    attempts(runId, atomId) {
      const rows = atomId === undefined
        ? db.all('SELECT * FROM attempts WHERE run_id = ? ORDER BY id', [runId])
        : db.all('SELECT * FROM attempts WHERE run_id = ? AND atom_id = ? ORDER BY id', [runId, atomId]);
      return rows.map(toAttempt);
    },
    proposals(runId) {
      return db.all('SELECT * FROM proposals WHERE run_id = ? ORDER BY created_at, path', [runId]).map(toProposal);
    },
    beginProposals(runId, proposals) {
      const now = clock.now();
      db.transaction(() => {
        for (const p of proposals) {
          db.run(
            `INSERT OR REPLACE INTO proposals (run_id, path, status, content, base_content, atoms_json, created_at, updated_at)
             VALUES (?, ?, 'proposing', ?, ?, ?, ?, ?)`,
            [runId, p.relPath, p.content, p.baseContent ?? null, JSON.stringify(p.atoms), now, now],
          );
        }
      });
    },
    markProposed(runId, paths) {
      db.transaction(() => {
        for (const path of paths) db.run(`UPDATE proposals SET status = 'proposed', updated_at = ? WHERE run_id = ? AND path = ?`, [clock.now(), runId, path]);
      });
    },
    dropProposals(runId, paths) {
      db.transaction(() => {
        for (const path of paths) db.run('DELETE FROM proposals WHERE run_id = ? AND path = ?', [runId, path]);
      });
    },
    recordApplied(runId, path, sha) {
      db.run('INSERT OR REPLACE INTO applied_files (run_id, path, content_sha256, applied_at) VALUES (?, ?, ?, ?)', [runId, path, sha, clock.now()]);
    },
    appliedFiles(runId) {
      return new Map(db.all('SELECT path, content_sha256 FROM applied_files WHERE run_id = ?', [runId]).map((r) => [str(r, 'path'), str(r, 'content_sha256')]));
    },
    forgetApplied(runId, paths) {
      db.transaction(() => {
        for (const path of paths) db.run('DELETE FROM applied_files WHERE run_id = ? AND path = ?', [runId, path]);
      });
    },
    recordDiscarded(runId, paths) {
      db.transaction(() => {
        for (const path of paths) db.run('INSERT OR REPLACE INTO discarded_files (run_id, path, discarded_at) VALUES (?, ?, ?)', [runId, path, clock.now()]);
      });
    },
    discardedFiles(runId) {
      return new Set(db.all('SELECT path FROM discarded_files WHERE run_id = ?', [runId]).map((r) => str(r, 'path')));
    },
    forgetDiscarded(runId, paths) {
      db.transaction(() => {
        for (const path of paths) db.run('DELETE FROM discarded_files WHERE run_id = ? AND path = ?', [runId, path]);
      });
    },
    usageByModel(runId) {
      return db
        .all(
          `SELECT model, SUM(input_tokens) AS i, SUM(output_tokens) AS o, SUM(cache_read_tokens) AS cr, SUM(cache_write_tokens) AS cw,
             SUM(cost_usd) AS cost FROM llm_calls WHERE run_id = ? GROUP BY model ORDER BY model`,
          [runId],
        )
        .map((r): ModelUsage => ({
          model: str(r, 'model'),
          usage: { inputTokens: num(r, 'i'), outputTokens: num(r, 'o'), cacheReadTokens: num(r, 'cr'), cacheWriteTokens: num(r, 'cw') },
          costUsd: num(r, 'cost'),
        }));
    },
    flushNow: () => db.flushNow(),
  };
}

function failureOf(row: Row): AtomFailure | null {
  const level = strOrNull(row, 'failure_level');
  if (level === null) return null;
  return { level: validationLevelSchema.parse(level), message: strOrNull(row, 'failure_message') ?? '' };
}

function toTaskState(row: Row): TaskState {
  return { taskId: str(row, 'task_id'), status: str(row, 'status') === 'done' ? 'done' : 'failed', attempts: num(row, 'attempts'), failure: failureOf(row) };
}

function toTaskFile(row: Row): TaskFile {
  return {
    taskId: str(row, 'task_id'),
    path: str(row, 'path'),
    ordinal: num(row, 'ordinal'),
    content: str(row, 'content'),
    baseContent: strOrNull(row, 'base_content') ?? undefined,
  };
}

function toAtom(row: Row): AtomRecord {
  const kind = KINDS.find((k) => k === row.kind);
  if (!kind) throw new TypeError(`atoms.kind: unknown value ${String(row.kind)}`);
  const language = strOrNull(row, 'language');
  return {
    atomId: str(row, 'atom_id'),
    taskId: str(row, 'task_id'),
    path: str(row, 'path'),
    unit: str(row, 'unit'),
    kind,
    signature: strOrNull(row, 'signature'),
    description: str(row, 'description'),
    holeLine: num(row, 'hole_line'),
    holeText: str(row, 'hole_text'),
    indent: str(row, 'indent'),
    language: language !== null && isLanguageId(language) ? language : null,
    ordinal: num(row, 'ordinal'),
    status: atomStatusSchema.parse(str(row, 'status')),
    attempts: num(row, 'attempts'),
    code: strOrNull(row, 'code'),
    failure: failureOf(row),
    durationMs: numOrNull(row, 'duration_ms') ?? 0,
  };
}

function toAttempt(row: Row): AttemptEntry {
  return {
    atomId: str(row, 'atom_id'),
    attempt: num(row, 'attempt'),
    model: str(row, 'model'),
    temperature: num(row, 'temperature'),
    promptHash: str(row, 'prompt_hash'),
    usage: {
      inputTokens: num(row, 'input_tokens'),
      outputTokens: num(row, 'output_tokens'),
      cacheReadTokens: num(row, 'cache_read_tokens'),
      cacheWriteTokens: num(row, 'cache_write_tokens'),
    },
    costUsd: num(row, 'cost_usd'),
    durationMs: num(row, 'duration_ms'),
    fromCache: num(row, 'from_cache') === 1,
    passed: num(row, 'passed') === 1,
    failure: failureOf(row),
    levels: JSON.parse(str(row, 'levels_json')) as LevelResult[],
    code: strOrNull(row, 'code'),
  };
}

function toProposal(row: Row): ProposalRecord {
  const proposal: FileProposal = {
    relPath: str(row, 'path'),
    content: str(row, 'content'),
    baseContent: strOrNull(row, 'base_content') ?? undefined,
    atoms: JSON.parse(str(row, 'atoms_json')) as ProposedAtomRange[],
  };
  return { status: str(row, 'status') === 'proposed' ? 'proposed' : 'proposing', proposal };
}
