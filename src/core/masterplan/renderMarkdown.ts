/** The MasterPlan as Markdown: phases, tasks with files, dependencies, acceptance and size. */
import { planTasks, type MasterPlan } from './schema';

/** Render a plan as Markdown, one heading per phase and one list item per task. */
export function renderMasterPlanMarkdown(plan: MasterPlan): string {
  const tasks = planTasks(plan);
  const loc = tasks.reduce((n, t) => n + t.estimatedLoc, 0);
  const out: string[] = [`# ${plan.title}`, '', plan.summary, '', `${plan.phases.length} phases, ${tasks.length} tasks, ~${loc} lines.`, ''];
  for (const phase of plan.phases) {
    out.push(`## ${phase.id} ${phase.name}`, '', phase.goal, '');
    for (const task of phase.tasks) {
      const deps = task.dependsOn.length > 0 ? ` (after ${task.dependsOn.join(', ')})` : '';
      out.push(`- **${task.id} ${task.title}**${deps} — ${task.language}, ~${task.estimatedLoc} LOC`);
      out.push(`  - files: ${task.files.map((f) => `\`${f.path}\`${f.change === 'modify' ? ' (modify)' : ''}`).join(', ')}`);
      out.push(`  - done when: ${task.acceptance}`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}
