import * as vscode from 'vscode';
import type { MasterPlan, PlanPhase, PlanTask } from '../core/masterplan/schema';
import type { AtomStatus, ProgressEvent } from '../shared/events';
import { openProposalDiff } from './review/reviewCommands';
import type { ReviewState } from './review/reviewState';
import type { WorkspaceRuntime } from './workspaceRuntime';

export const TREE_COMMANDS = { openAtom: 'mge.tree.openAtom', retry: 'mge.tree.retry' } as const;

export const MASTERPLAN_VIEW_ID = 'mge.masterplan';

interface AtomState {
  readonly atomId: string;
  readonly taskId: string;
  status: AtomStatus;
  attempt: number;
  failure: string | null;
}

type Node =
  | { readonly kind: 'phase'; readonly phase: PlanPhase }
  | { readonly kind: 'task'; readonly task: PlanTask }
  | { readonly kind: 'atom'; readonly atom: AtomState };

const STATUS_ICONS: Record<AtomStatus, vscode.ThemeIcon> = {
  pending: new vscode.ThemeIcon('circle-outline'),
  running: new vscode.ThemeIcon('loading~spin'),
  passed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  skipped: new vscode.ThemeIcon('circle-slash'),
};

/**
 * The native MasterPlan tree: phases -> tasks -> atoms with status icons. Fed by the plan of the
 * current run and its atom/status events; empty (the view's welcome text shows) before a plan.
 */
export class MasterplanTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private plan: MasterPlan | null = null;
  /** The run the tree shows (the last one that produced a plan or atom events). */
  runId: string | null = null;
  private readonly atoms = new Map<string, AtomState>();
  /** "path:lines (source)" of each atom's retrieved context, for its tooltip. */
  private readonly contextOf = new Map<string, string[]>();
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Shows a new plan (a new run), forgetting the atoms of the previous one. */
  setPlan(runId: string, plan: MasterPlan | null): void {
    this.runId = runId;
    this.plan = plan;
    this.atoms.clear();
    this.contextOf.clear();
    this.changed.fire(undefined);
  }

  /** Applies atom status events and atoms' retrieved context; other events are ignored. */
  applyEvent(event: ProgressEvent): void {
    if (event.type === 'context/used' && event.scope === 'atom' && event.atomId !== null) {
      this.follow(event.runId);
      this.contextOf.set(event.atomId, event.entries.map((e) => `${e.path}:${e.startLine}-${e.endLine} (${e.source === 'examples' ? 'example' : 'workspace'})`));
      return;
    }
    if (event.type !== 'atom/status') return;
    this.follow(event.runId);
    const atom = this.atoms.get(event.atomId) ?? { atomId: event.atomId, taskId: event.taskId, status: event.status, attempt: 0, failure: null };
    atom.status = event.status;
    atom.attempt = event.attempt;
    atom.failure = event.failure ? `${event.failure.level}: ${event.failure.message}` : null;
    this.atoms.set(event.atomId, atom);
    this.changed.fire(undefined);
  }

  /** A generate run from a reviewed plan has a new id: the tree follows it. */
  private follow(runId: string): void {
    if (this.runId === runId) return;
    this.runId = runId;
    this.atoms.clear();
    this.contextOf.clear();
  }

  getChildren(node?: Node): Node[] {
    if (!this.plan) return [];
    if (!node) return this.plan.phases.map((phase) => ({ kind: 'phase', phase }));
    if (node.kind === 'phase') return node.phase.tasks.map((task) => ({ kind: 'task', task }));
    if (node.kind === 'task') {
      return [...this.atoms.values()].filter((a) => a.taskId === node.task.id).map((atom) => ({ kind: 'atom', atom }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'phase') {
      const item = new vscode.TreeItem(`${node.phase.id} ${node.phase.name}`, vscode.TreeItemCollapsibleState.Expanded);
      item.tooltip = node.phase.goal;
      item.iconPath = new vscode.ThemeIcon('milestone');
      return item;
    }
    if (node.kind === 'task') {
      const hasAtoms = [...this.atoms.values()].some((a) => a.taskId === node.task.id);
      const item = new vscode.TreeItem(`${node.task.id} ${node.task.title}`, hasAtoms ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = node.task.files.map((f) => f.path).join(', ');
      item.tooltip = new vscode.MarkdownString(`**${node.task.title}**\n\n${node.task.description}\n\n*Acceptance:* ${node.task.acceptance}\n\n*Depends on:* ${node.task.dependsOn.join(', ') || 'nothing'}`);
      item.iconPath = new vscode.ThemeIcon('tasklist');
      const failed = [...this.atoms.values()].some((a) => a.taskId === node.task.id && a.status === 'failed');
      item.contextValue = failed ? 'task-failed' : 'task';
      return item;
    }
    const { atom } = node;
    const item = new vscode.TreeItem(atom.atomId, vscode.TreeItemCollapsibleState.None);
    item.description = atom.attempt > 1 ? `${atom.status}, attempt ${atom.attempt}` : atom.status;
    const context = this.contextOf.get(atom.atomId) ?? [];
    const head = atom.failure ?? `${atom.atomId}: ${atom.status}`;
    item.tooltip = context.length > 0 ? `${head}\n\nContext used:\n${context.map((c) => `• ${c}`).join('\n')}` : head;
    item.iconPath = STATUS_ICONS[atom.status];
    item.contextValue = atom.status === 'failed' ? 'atom-failed' : 'atom';
    if (this.runId) item.command = { command: TREE_COMMANDS.openAtom, title: 'Open proposed code', arguments: [this.runId, atom.atomId] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The file of an atom id (`T3.src/a.ts#unit`). */
export function atomPath(atomId: string): string {
  return atomId.slice(atomId.indexOf('.') + 1, atomId.lastIndexOf('#'));
}

/** Opening an atom's proposed code, and retrying failed atoms (a resume redoes every failed one). */
export function registerTreeCommands(tree: MasterplanTreeProvider, review: ReviewState, runtime: WorkspaceRuntime): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(TREE_COMMANDS.openAtom, async (runId: string, atomId: string) => {
      const relPath = atomPath(atomId);
      if (review.get(runId, relPath)) {
        await openProposalDiff(runId, relPath);
        return;
      }
      void vscode.window.showInformationMessage(`MGE: ${relPath} has no proposal to show (not complete yet, failed, already applied, or rejected and discarded at Apply).`);
    }),
    vscode.commands.registerCommand(TREE_COMMANDS.retry, async () => {
      if (!tree.runId) return;
      const result = await runtime.runs.resume(tree.runId);
      if (result.status === 'rejected') void vscode.window.showErrorMessage(`MGE: ${result.message}`);
    }),
  ];
}
