/**
 * @title PATCH endpoint in Fastify applying a partial update to a resource
 * @tags fastify, patch, partial update, rest, 404
 * @stack fastify, typescript
 */
import type { FastifyInstance } from 'fastify';

interface User {
  id: string;
  name: string;
  email: string;
  bio: string;
}

type UserPatch = Partial<Pick<User, 'name' | 'email' | 'bio'>>;

export async function userPatchRoute(app: FastifyInstance, users: Map<string, User>): Promise<void> {
  app.patch<{ Params: { id: string }; Body: UserPatch }>(
    '/users/:id',
    { schema: { body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, bio: { type: 'string' } } } } },
    async (req, reply) => {
      const user = users.get(req.params.id);
      if (!user) return reply.code(404).send({ error: 'user not found' });
      const updated = { ...user, ...req.body };
      users.set(user.id, updated);
      return updated;
    },
  );
}
