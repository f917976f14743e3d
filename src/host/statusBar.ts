import * as vscode from 'vscode';
import type { ProgressEvent } from '../shared/events';

interface LiveRun {
  waveSizes: number[];
  /** Atoms that reached passed, failed or skipped, per wave (a set: retries and resumes count once). */
  settled: Map<number, Set<string>>;
  costUsd: number;
  live: boolean;
}

/**
 * The status bar item while a run is going: "MGE wave k/n · $0.12", clicking opens the panel.
 * Hidden when no run is live.
 */
export class RunStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mge.run', vscode.StatusBarAlignment.Left, 50);
  private readonly runs = new Map<string, LiveRun>();

  constructor(openChatCommand: string) {
    this.item.name = 'MGE run';
    this.item.command = openChatCommand;
  }

  applyEvent(event: ProgressEvent): void {
    if (event.type === 'run/started') {
      // A resumed run (Stop, then Resume in this window) keeps what its atoms did before: the
      // core does not report atoms that passed in an earlier session again.
      const known = this.runs.get(event.runId);
      this.runs.delete(event.runId);
      this.runs.set(event.runId, known ? { ...known, live: true } : { waveSizes: [], settled: new Map(), costUsd: 0, live: true });
    }
    const run = this.runs.get(event.runId);
    if (!run) return;
    if (event.type === 'waves/planned') run.waveSizes = [...event.waveSizes];
    if (event.type === 'cost/update') run.costUsd = event.costUsd;
    if (event.type === 'atom/status' && event.status !== 'running' && event.status !== 'pending') {
      const wave = run.settled.get(event.wave) ?? new Set<string>();
      wave.add(event.atomId);
      run.settled.set(event.wave, wave);
    }
    if (event.type === 'run/finished') {
      run.live = false;
      // Finished runs are kept only as long as a resume may follow; a few suffice.
      const done = [...this.runs].filter(([, r]) => !r.live);
      for (const [id] of done.slice(0, Math.max(0, done.length - 5))) this.runs.delete(id);
    }
    this.render();
  }

  private render(): void {
    const run = [...this.runs.values()].filter((r) => r.live).at(-1);
    if (!run) {
      this.item.hide();
      return;
    }
    const n = run.waveSizes.length;
    const current = run.waveSizes.findIndex((size, i) => (run.settled.get(i)?.size ?? 0) < size);
    const wave = n === 0 ? 'planning' : `wave ${current === -1 ? n : current + 1}/${n}`;
    this.item.text = `$(sync~spin) MGE ${wave} · $${run.costUsd.toFixed(2)}`;
    this.item.tooltip = 'MGE is generating. Click to open the panel.';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
