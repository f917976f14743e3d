/**
 * @title Fastify users plugin in plain JavaScript with response schema serialization
 * @tags fastify, javascript, plugin, users, response schema
 * @stack fastify, javascript
 */
'use strict';

const userSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' } },
};

async function usersPlugin(fastify, opts) {
  const users = opts.users;
  fastify.get('/users', { schema: { response: { 200: { type: 'array', items: userSchema } } } }, async () => users.list());
  fastify.get('/users/:id', { schema: { response: { 200: userSchema } } }, async (request, reply) => {
    const user = await users.get(request.params.id);
    if (!user) return reply.code(404).send({ error: 'not found' });
    return user;
  });
}

module.exports = usersPlugin;
