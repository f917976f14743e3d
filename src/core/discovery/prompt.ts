/**
 * The discovery prompt. The system text is the same for every request and is marked for prompt
 * caching (with the tool schema in front of it, it passes the 1,024-token minimum), so back-to-back
 * runs read it from cache; the request itself goes in the user turn.
 */
import type { LlmMessage, PromptBlock } from '../ports';

/** Name of the tool the model must call with the DiscoveryDocument. */
export const DISCOVERY_TOOL_NAME = 'record_discovery';

export const DISCOVERY_TOOL_DESCRIPTION =
  'Record the discovery document for the request: the domain model (bounded contexts, aggregates, entities, value objects, invariants, domain events, services), the target stack, non-functional requirements, assumptions and open questions.';

const SYSTEM = `You are the discovery stage of MGE, a code generator that plans before it writes. You read a plain-language request for software and turn it into a precise domain model that a later stage will turn into a task plan, and a stage after that into code, ten lines at a time. Nothing you leave vague can be recovered later, so be concrete.

Work in the manner of domain-driven design:

1. Domain and summary. Name the business domain in a few words. Summarise what is to be built in two to five sentences: who uses it, through what interface (HTTP API, CLI, library, UI), and what the main capabilities are.

2. Target stack. Take the language, runtime and frameworks from the request when it names them. When it does not, choose the smallest stack that does the job well and say so in the assumptions. Respect constraints such as "standard library only": then list no frameworks. Give the command that runs the project's own tests (for example "npm test" or "python3 -m unittest discover -s tests").

3. Bounded contexts. Split the domain where the language changes or where a part could be owned by a different team: for a task tracker, "Identity" (users, authentication) is separate from "Work" (projects, tasks, assignments). A small tool has one context; do not invent contexts to look thorough. For each context give its responsibility in one sentence.

4. Aggregates. Inside each context, group entities that must change together into aggregates, each with one root entity through which every change goes. List each entity's attributes as "name: type" with types in the target language's vocabulary, including identifiers, timestamps and optional fields ("dueDate: Date | null"). Value objects are immutable and compared by value (an email address, a status with a closed set of values, a money amount). Invariants are rules that must hold after every change ("a task's assignee must be a member of the task's project", "a project name is unique per owner"): state them so that each can become a test.

5. Domain events and services. A domain event is something that happened that other parts care about, named in the past tense ("TaskAssigned"), with what triggers it and the fields it carries. A service holds an operation that does not belong to one entity, or the application operations the interface exposes ("assignTask(taskId, userId)"); list its operations.

6. Non-functional requirements: only those the request states or clearly implies (input validation, authentication, persistence, pagination, error format, performance limits, logging). Each one concrete enough to test.

7. Assumptions and open questions. Every decision you take where the request is silent goes into assumptions, so a reader can see and overrule it. Questions a human should answer go into open questions, but never stop for them: the plan proceeds on the assumptions.

Scale the model to the request. A to-do command-line tool is one context, one or two aggregates and a handful of invariants; a multi-tenant platform may have five or more contexts. Prefer names from the request's own vocabulary. Do not describe files, classes or tasks: that is the next stage's job.

Answer only by calling the ${DISCOVERY_TOOL_NAME} tool, once, with the complete document.`;

/** The system prompt (one cached block). */
export function discoverySystem(): PromptBlock[] {
  return [{ text: SYSTEM, cache: true }];
}

/** The user turn carrying the request. */
export function discoveryMessages(request: string): LlmMessage[] {
  return [
    {
      role: 'user',
      content: [{ text: `Here is the request. Build the discovery document for it.\n\n<request>\n${request}\n</request>`, cache: false }],
    },
  ];
}
