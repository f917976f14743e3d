/**
 * @title Fastify route typed with TypeBox schemas for params, body and response
 * @tags fastify, typebox, json schema, type provider, validation, serialization
 * @stack fastify, typebox, typescript
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

const Project = Type.Object({ id: Type.String(), name: Type.String({ minLength: 1 }), archived: Type.Boolean() });
const CreateProject = Type.Omit(Project, ['id', 'archived']);
type ProjectT = Static<typeof Project>;

export async function projectRoutes(app: FastifyInstance): Promise<void> {
  const projects: ProjectT[] = [];
  app.post<{ Body: Static<typeof CreateProject> }>(
    '/projects',
    { schema: { body: CreateProject, response: { 201: Project } } },
    async (req, reply) => {
      const project: ProjectT = { id: String(projects.length + 1), name: req.body.name, archived: false };
      projects.push(project);
      return reply.code(201).send(project);
    },
  );
}
