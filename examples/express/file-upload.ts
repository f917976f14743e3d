/**
 * @title Accept a raw file upload in Express with a size limit and content type check
 * @tags express, upload, file, content type, size limit, 413, 415
 * @stack express, typescript
 */
import express, { Router } from 'express';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export function createUploadRouter(uploadDir: string): Router {
  const router = Router();
  router.post('/avatars/:userId', express.raw({ type: ['image/png', 'image/jpeg'], limit: '2mb' }), async (req, res) => {
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      res.status(415).json({ error: 'send a PNG or JPEG image' });
      return;
    }
    const name = `${req.params.userId}.${req.is('image/png') ? 'png' : 'jpg'}`;
    await writeFile(join(uploadDir, name), req.body);
    res.status(201).json({ file: name });
  });
  return router;
}
