/**
 * The DiscoveryDocument: what the request means in domain terms, before any plan. Its zod schema
 * is also the tool input schema the model fills in (z.toJSONSchema), so the descriptions here are
 * instructions to the model.
 */
import { z } from 'zod';

const name = z.string().min(1).max(200);
const text = z.string().min(1).max(4000);

export const entitySchema = z.object({
  name: name.describe('PascalCase entity name, e.g. "Task"'),
  description: text,
  attributes: z.array(z.string().min(1).max(200)).describe('Fields as "name: type", e.g. "dueDate: Date | null"'),
});

export const valueObjectSchema = z.object({
  name,
  description: text,
});

export const aggregateSchema = z.object({
  name: name.describe('Aggregate name, usually the name of its root entity'),
  root: name.describe('The root entity through which the aggregate is changed'),
  entities: z.array(entitySchema).min(1),
  valueObjects: z.array(valueObjectSchema),
  invariants: z.array(text).describe('Rules that must hold after every change to the aggregate'),
});

export const domainEventSchema = z.object({
  name: name.describe('Past tense, e.g. "TaskAssigned"'),
  trigger: text.describe('What causes it'),
  payload: z.array(z.string().min(1).max(200)).describe('Fields carried by the event'),
});

export const serviceSchema = z.object({
  name,
  responsibility: text,
  operations: z.array(z.string().min(1).max(300)).describe('Operations as signatures or short phrases, e.g. "assignTask(taskId, userId)"'),
});

export const boundedContextSchema = z.object({
  name,
  responsibility: text,
  aggregates: z.array(aggregateSchema),
  domainEvents: z.array(domainEventSchema),
  services: z.array(serviceSchema),
});

export const nonFunctionalRequirementSchema = z.object({
  category: z.enum(['performance', 'security', 'reliability', 'observability', 'usability', 'portability', 'maintainability', 'compliance', 'other']),
  requirement: text,
});

export const targetStackSchema = z.object({
  language: z.string().min(1).max(40).describe('Main language, lower case: "typescript", "python", "go" ...'),
  runtime: z.string().min(1).max(80).describe('e.g. "node 20", "python 3.11"'),
  frameworks: z.array(z.string().min(1).max(80)).describe('Libraries and frameworks to use; empty for the standard library only'),
  testCommand: z.string().min(1).max(200).describe('How the generated project runs its own tests, e.g. "npm test"'),
});

export const discoveryDocumentSchema = z.object({
  domain: name.describe('The business domain in a few words, e.g. "Task management"'),
  summary: text.describe('What is to be built, in two to five sentences'),
  targetStack: targetStackSchema,
  boundedContexts: z.array(boundedContextSchema).min(1),
  nonFunctionalRequirements: z.array(nonFunctionalRequirementSchema),
  assumptions: z.array(text).describe('Decisions taken where the request was silent'),
  openQuestions: z.array(text).describe('What a human should confirm; the plan proceeds on the assumptions meanwhile'),
});

/** The structured result of the discovery stage. */
export type DiscoveryDocument = z.infer<typeof discoveryDocumentSchema>;
export type BoundedContext = z.infer<typeof boundedContextSchema>;
export type Aggregate = z.infer<typeof aggregateSchema>;
