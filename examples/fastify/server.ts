/**
 * @title Start a Fastify server and close it gracefully on termination signals
 * @tags fastify, server, listen, graceful shutdown
 * @stack fastify, typescript
 */
import { buildApp } from './app';

export async function main(): Promise<void> {
  const app = await buildApp();
  const close = async (): Promise<void> => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close());
  process.once('SIGINT', () => void close());
  await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
}
