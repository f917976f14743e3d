import { html, nothing, type TemplateResult } from 'lit';
import type { MasterPlan, PlanTask } from '../../../src/core/masterplan/schema';
import type { taskProgress } from '../runView';

type Progress = ReturnType<typeof taskProgress>;

/**
 * The MasterPlan as a tree: phases, their tasks (with dependencies and atom progress), and under
 * each task its files and acceptance check. Arrow keys move and open items (vscode-tree).
 */
export function renderPlanTree(plan: MasterPlan, progress: Progress): TemplateResult {
  return html`<vscode-tree class="plan-tree" aria-label="MasterPlan: ${plan.title}" indent-guides="onHover">
    ${plan.phases.map((phase, i) => html`<vscode-tree-item ?open=${i === 0} ?active=${i === 0} aria-label="Phase ${phase.id} ${phase.name}, ${phase.tasks.length} ${phase.tasks.length === 1 ? 'task' : 'tasks'}">
      <vscode-icon slot="icon-branch" name="folder" aria-hidden="true"></vscode-icon>
      <vscode-icon slot="icon-branch-opened" name="folder-opened" aria-hidden="true"></vscode-icon>
      ${phase.id} ${phase.name}
      <span slot="description">${phase.goal}</span>
      ${phase.tasks.map((task) => renderTask(task, progress[task.id]))}
    </vscode-tree-item>`)}
  </vscode-tree>`;
}

function renderTask(task: PlanTask, progress: Progress[string] | undefined): TemplateResult {
  const state = taskState(progress);
  const deps = task.dependsOn.length > 0 ? `after ${task.dependsOn.join(', ')}` : 'no dependencies';
  const label = `Task ${task.id} ${task.title}, ${deps}, ${task.files.length} ${task.files.length === 1 ? 'file' : 'files'}${state ? `, ${state.text}` : ''}`;
  return html`<vscode-tree-item slot="children" aria-label=${label}>
    <vscode-icon slot="icon-branch" name=${state?.icon ?? 'checklist'} ?spin=${state?.icon === 'loading'} aria-hidden="true"></vscode-icon>
    <vscode-icon slot="icon-branch-opened" name=${state?.icon ?? 'checklist'} ?spin=${state?.icon === 'loading'} aria-hidden="true"></vscode-icon>
    ${task.id} ${task.title}
    <span slot="description">${deps}${state ? ` · ${state.text}` : ''}</span>
    <vscode-tree-item slot="children" aria-label="Description: ${task.description}">
      <vscode-icon slot="icon-leaf" name="note" aria-hidden="true"></vscode-icon>${task.description}
    </vscode-tree-item>
    ${task.dependsOn.length > 0 ? html`<vscode-tree-item slot="children" aria-label="Depends on ${task.dependsOn.join(', ')}">
      <vscode-icon slot="icon-leaf" name="references" aria-hidden="true"></vscode-icon>Depends on ${task.dependsOn.join(', ')}
    </vscode-tree-item>` : nothing}
    ${task.files.map((f) => html`<vscode-tree-item slot="children" aria-label="${f.change === 'create' ? 'Creates' : 'Changes'} ${f.path}">
      <vscode-icon slot="icon-leaf" name=${f.change === 'create' ? 'new-file' : 'edit'} aria-hidden="true"></vscode-icon>${f.path}
      <span slot="description">${f.change === 'create' ? 'new' : 'changed'}</span>
    </vscode-tree-item>`)}
    <vscode-tree-item slot="children" aria-label="Done when: ${task.acceptance}">
      <vscode-icon slot="icon-leaf" name="pass" aria-hidden="true"></vscode-icon>Done when: ${task.acceptance}
      <span slot="description">${task.language}, ~${task.estimatedLoc} lines</span>
    </vscode-tree-item>
  </vscode-tree-item>`;
}

function taskState(progress: Progress[string] | undefined): { icon: string; text: string } | null {
  if (!progress || progress.total === 0) return null;
  if (progress.failed > 0) return { icon: 'error', text: `${progress.failed} of ${progress.total} atoms failed` };
  if (progress.passed === progress.total) return { icon: 'pass', text: `${progress.total} atoms passed` };
  if (progress.running > 0) return { icon: 'loading', text: `${progress.passed} of ${progress.total} atoms done` };
  return { icon: 'circle-large-outline', text: `${progress.passed} of ${progress.total} atoms done` };
}
