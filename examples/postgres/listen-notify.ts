/**
 * @title React to row changes with PostgreSQL LISTEN/NOTIFY in node-postgres
 * @tags postgres, listen, notify, events, realtime, pg
 * @stack postgres, pg, typescript
 */
import pg from 'pg';

export async function listenForTaskChanges(connectionString: string, onChange: (taskId: string) => void): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  client.on('notification', (msg) => {
    if (msg.channel === 'task_changed' && msg.payload) onChange(msg.payload);
  });
  await client.query('LISTEN task_changed');
  return async () => {
    await client.query('UNLISTEN task_changed');
    await client.end();
  };
}
