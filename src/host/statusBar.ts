import * as vscode from 'vscode';
import type { ProgressEvent } from '../shared/events';

interface LiveRun {
  waveSizes: number[];
  settled: Map<number, number>;
  costUsd: number;
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
    if (event.type === 'run/started') this.runs.set(event.runId, { waveSizes: [], settled: new Map(), costUsd: 0 });
    const run = this.runs.get(event.runId);
    if (!run) return;
    if (event.type === 'waves/planned') run.waveSizes = [...event.waveSizes];
    if (event.type === 'cost/update') run.costUsd = event.costUsd;
    if (event.type === 'atom/status' && event.status !== 'running' && event.status !== 'pending') {
      run.settled.set(event.wave, (run.settled.get(event.wave) ?? 0) + 1);
    }
    if (event.type === 'run/finished') this.runs.delete(event.runId);
    this.render();
  }

  private render(): void {
    const run = [...this.runs.values()].at(-1);
    if (!run) {
      this.item.hide();
      return;
    }
    const n = run.waveSizes.length;
    const current = run.waveSizes.findIndex((size, i) => (run.settled.get(i) ?? 0) < size);
    const wave = n === 0 ? 'planning' : `wave ${current === -1 ? n : current + 1}/${n}`;
    this.item.text = `$(sync~spin) MGE ${wave} · $${run.costUsd.toFixed(2)}`;
    this.item.tooltip = 'MGE is generating. Click to open the panel.';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
