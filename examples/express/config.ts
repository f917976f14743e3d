/**
 * @title Typed application configuration read from environment variables with defaults
 * @tags config, environment variables, settings, express, startup
 * @stack node, typescript
 */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

export function loadConfig(): AppConfig {
  const level = process.env.LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new Error(`LOG_LEVEL must be debug, info, warn or error, not ${level}`);
  return {
    port: Number(process.env.PORT ?? 3000),
    databaseUrl: required('DATABASE_URL'),
    jwtSecret: required('JWT_SECRET'),
    logLevel: level as AppConfig['logLevel'],
  };
}
