/** The DiscoveryDocument as Markdown, for the chat panel, the CLI and the event log. */
import type { DiscoveryDocument } from './schema';

/** Render a discovery document as Markdown (headings per context and aggregate). */
export function renderDiscoveryMarkdown(doc: DiscoveryDocument): string {
  const out: string[] = [`# ${doc.domain}`, '', doc.summary, ''];
  const stack = doc.targetStack;
  out.push('## Target stack', '', `- Language: ${stack.language} (${stack.runtime})`);
  out.push(`- Frameworks: ${stack.frameworks.length > 0 ? stack.frameworks.join(', ') : 'standard library only'}`);
  out.push(`- Tests: \`${stack.testCommand}\``, '');
  for (const context of doc.boundedContexts) {
    out.push(`## Context: ${context.name}`, '', context.responsibility, '');
    for (const aggregate of context.aggregates) {
      out.push(`### Aggregate: ${aggregate.name} (root: ${aggregate.root})`, '');
      for (const entity of aggregate.entities) {
        out.push(`- **${entity.name}**: ${entity.description}`);
        for (const attribute of entity.attributes) out.push(`  - \`${attribute}\``);
      }
      for (const vo of aggregate.valueObjects) out.push(`- *${vo.name}* (value object): ${vo.description}`);
      if (aggregate.invariants.length > 0) {
        out.push('', 'Invariants:');
        for (const invariant of aggregate.invariants) out.push(`- ${invariant}`);
      }
      out.push('');
    }
    if (context.domainEvents.length > 0) {
      out.push('Domain events:');
      for (const event of context.domainEvents) out.push(`- **${event.name}**: ${event.trigger}${event.payload.length > 0 ? ` (${event.payload.join(', ')})` : ''}`);
      out.push('');
    }
    if (context.services.length > 0) {
      out.push('Services:');
      for (const service of context.services) {
        out.push(`- **${service.name}**: ${service.responsibility}`);
        for (const op of service.operations) out.push(`  - \`${op}\``);
      }
      out.push('');
    }
  }
  section(out, 'Non-functional requirements', doc.nonFunctionalRequirements.map((n) => `${n.category}: ${n.requirement}`));
  section(out, 'Assumptions', doc.assumptions);
  section(out, 'Open questions', doc.openQuestions);
  return out.join('\n').trimEnd() + '\n';
}

function section(out: string[], title: string, items: readonly string[]): void {
  if (items.length === 0) return;
  out.push(`## ${title}`, '', ...items.map((i) => `- ${i}`), '');
}
