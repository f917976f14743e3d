/**
 * @title Jest fake timers to test debounced code without waiting
 * @tags testing, jest, fake timers, debounce, time
 * @stack jest, typescript
 */
function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

describe('debounce', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  test('calls once with the last arguments after the quiet period', () => {
    const spy = jest.fn();
    const debounced = debounce(spy, 200);
    debounced('a');
    debounced('b');
    jest.advanceTimersByTime(199);
    expect(spy).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(spy).toHaveBeenCalledWith('b');
  });
});
