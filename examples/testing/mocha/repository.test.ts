/**
 * @title Mocha contract tests run against an in-memory repository implementation
 * @tags testing, mocha, repository, contract test, in-memory
 * @stack mocha, typescript
 */
import assert from 'node:assert/strict';
import { InMemoryRepository, type Repository } from '../../ddd/repository-port';

interface Note {
  id: string;
  text: string;
}

function repositoryContract(name: string, make: () => Repository<Note>): void {
  describe(`${name} repository contract`, () => {
    it('returns what was saved', async () => {
      const repo = make();
      await repo.save({ id: 'n1', text: 'hello' });
      assert.deepEqual(await repo.get('n1'), { id: 'n1', text: 'hello' });
    });

    it('forgets what was deleted', async () => {
      const repo = make();
      await repo.save({ id: 'n1', text: 'hello' });
      await repo.delete('n1');
      assert.equal(await repo.get('n1'), undefined);
    });
  });
}

repositoryContract('in-memory', () => new InMemoryRepository<Note>());
