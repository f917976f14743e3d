import assert from 'node:assert/strict';
import { parseSavedState, pruneReviews } from '../../../webview-ui/src/savedState';
import { updateTask } from '../../../webview-ui/src/planEdits';
import { plan } from './builders';

describe('webview-ui/savedState', () => {
  it('keeps a draft mid-edit (an empty title) and drops what does not fit', () => {
    const draft = updateTask(plan(), 'T1', { title: '' });
    const saved = parseSavedState({ draft: 'hello', reviews: { r1: { open: true, plan: draft } } });
    assert.equal(saved.draft, 'hello');
    assert.equal(saved.reviews.r1.plan?.phases[0].tasks[0].title, '');
    assert.deepEqual(parseSavedState(undefined), { draft: '', reviews: {} });
    assert.deepEqual(parseSavedState({ draft: 3, reviews: { r: { open: 'x' } } }), { draft: '', reviews: {} });
    // An older panel kept its runs here; they are ignored.
    assert.deepEqual(parseSavedState({ draft: 'a', runs: { r: {} } }), { draft: 'a', reviews: {} });
  });

  it('prunes reviews of executed runs and keeps those of other conversations', () => {
    const saved = { draft: '', reviews: { done: { open: true, plan: null }, waiting: { open: false, plan: null }, other: { open: true, plan: null } } };
    const pruned = pruneReviews(saved, [{ runId: 'done', awaitingReview: false }, { runId: 'waiting', awaitingReview: true }]);
    assert.deepEqual(Object.keys(pruned.reviews), ['waiting', 'other']);
  });
});
