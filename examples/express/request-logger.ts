/**
 * @title Express request logging middleware with duration and status code
 * @tags express, logging, middleware, observability, response time
 * @stack express, typescript
 */
import type { NextFunction, Request, Response } from 'express';

export function requestLogger(log: (line: string) => void = console.log) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    next();
  };
}
