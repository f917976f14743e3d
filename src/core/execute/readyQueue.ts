/**
 * Nodes whose dependencies are all done, highest priority first, ties first-come first-served.
 * A heap because the ready set can hold hundreds of atoms when the concurrency limit is the
 * bottleneck, and the scheduler picks from it on every start.
 */

interface Entry {
  readonly id: string;
  readonly priority: number;
  readonly seq: number;
}

export interface ReadyQueue {
  readonly size: number;
  push(id: string, priority: number): void;
  peek(): string | undefined;
  pop(): string | undefined;
}

/** An empty queue. */
export function createReadyQueue(): ReadyQueue {
  const heap: Entry[] = [];
  let seq = 0;
  const before = (a: Entry, b: Entry): boolean => a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq);
  const swap = (i: number, j: number): void => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  const up = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) return;
      swap(i, parent);
      i = parent;
    }
  };
  const down = (i: number): void => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < heap.length && before(heap[left], heap[best])) best = left;
      if (right < heap.length && before(heap[right], heap[best])) best = right;
      if (best === i) return;
      swap(i, best);
      i = best;
    }
  };
  return {
    get size() {
      return heap.length;
    },
    push(id, priority) {
      heap.push({ id, priority, seq: seq++ });
      up(heap.length - 1);
    },
    peek() {
      return heap[0]?.id;
    },
    pop() {
      const top = heap[0];
      if (top === undefined) return undefined;
      const last = heap.pop() as Entry;
      if (heap.length > 0) {
        heap[0] = last;
        down(0);
      }
      return top.id;
    },
  };
}
