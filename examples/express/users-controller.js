/**
 * @title Express users controller in plain JavaScript (CommonJS)
 * @tags express, javascript, commonjs, users, controller, rest
 * @stack express, javascript
 */
const express = require('express');

function createUsersRouter(users) {
  const router = express.Router();
  router.get('/', async (req, res, next) => {
    try {
      res.json(await users.list());
    } catch (err) {
      next(err);
    }
  });
  router.post('/', async (req, res, next) => {
    try {
      const { email, name } = req.body;
      if (!email || !name) return res.status(400).json({ error: 'email and name are required' });
      res.status(201).json(await users.create({ email, name }));
    } catch (err) {
      next(err);
    }
  });
  return router;
}

module.exports = { createUsersRouter };
