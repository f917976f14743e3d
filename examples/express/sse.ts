/**
 * @title Server-sent events endpoint in Express streaming progress updates
 * @tags express, server-sent events, sse, streaming, realtime
 * @stack express, typescript
 */
import type { Request, Response } from 'express';
import { EventEmitter } from 'node:events';

export const progress = new EventEmitter();

export function progressStream(req: Request, res: Response): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  const send = (event: { id: string; percent: number }): void => {
    res.write(`event: progress\ndata: ${JSON.stringify(event)}\n\n`);
  };
  progress.on('update', send);
  req.on('close', () => {
    progress.off('update', send);
  });
}
