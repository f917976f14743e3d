/**
 * @title Wrap async Express route handlers so rejected promises reach the error middleware
 * @tags express, async, promise, error handling, middleware
 * @stack express, typescript
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

type AsyncHandler = (req: Request, res: Response, next: NextFunction) => Promise<void>;

export function asyncHandler(handler: AsyncHandler): RequestHandler {
  return (req, res, next) => {
    handler(req, res, next).catch(next);
  };
}
