/**
 * @title Start an Express server and shut it down gracefully on SIGTERM
 * @tags express, server, listen, graceful shutdown, signals
 * @stack express, node, typescript
 */
import type { Server } from 'node:http';
import { createApp } from './app';

export function start(port = Number(process.env.PORT ?? 3000)): Server {
  const server = createApp().listen(port, () => {
    console.log(`listening on http://localhost:${port}`);
  });
  const stop = (): void => {
    server.close((err) => {
      process.exit(err ? 1 : 0);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server;
}
