/**
 * @title Validate a request payload with Joi in plain JavaScript
 * @tags validation, joi, javascript, schema, request payload
 * @stack joi, javascript
 */
const Joi = require('joi');

const taskSchema = Joi.object({
  title: Joi.string().trim().min(1).max(200).required(),
  dueDate: Joi.date().iso().greater('now'),
  priority: Joi.string().valid('low', 'normal', 'high').default('normal'),
  tags: Joi.array().items(Joi.string().max(30)).max(10).default([]),
});

function validateTask(payload) {
  const { value, error } = taskSchema.validate(payload, { abortEarly: false, stripUnknown: true });
  if (error) return { ok: false, errors: error.details.map((d) => d.message) };
  return { ok: true, value };
}

module.exports = { validateTask };
