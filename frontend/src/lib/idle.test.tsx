import { act, render, screen } from '@testing-library/react';
import { useLoadedAndIdle, whenLoadedAndIdle } from './idle';

function stubIdleCallback() {
  const callbacks: (() => void)[] = [];
  const requestIdleCallback = vi.fn((callback: () => void) => callbacks.push(callback));
  vi.stubGlobal('requestIdleCallback', requestIdleCallback);
  vi.stubGlobal('cancelIdleCallback', vi.fn());
  return { requestIdleCallback, runIdle: () => callbacks.splice(0).forEach((callback) => callback()) };
}

describe('work deferred until the page has loaded and the browser is idle', () => {
  test('waits for the window load event, then for an idle moment', () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const { requestIdleCallback, runIdle } = stubIdleCallback();
    const callback = vi.fn();

    whenLoadedAndIdle(callback);
    expect(requestIdleCallback).not.toHaveBeenCalled();

    window.dispatchEvent(new Event('load'));
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 2000 });
    expect(callback).not.toHaveBeenCalled();

    runIdle();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  test('after load already: only the idle moment', () => {
    const { runIdle } = stubIdleCallback();
    const callback = vi.fn();

    whenLoadedAndIdle(callback);
    runIdle();

    expect(callback).toHaveBeenCalledTimes(1);
  });

  test('without requestIdleCallback (Safari) a short timer stands in', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    try {
      const callback = vi.fn();
      whenLoadedAndIdle(callback, { fallbackDelay: 200 });
      vi.advanceTimersByTime(199);
      expect(callback).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(callback).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  test('cancelled before load, nothing runs', () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const { requestIdleCallback } = stubIdleCallback();
    const callback = vi.fn();

    whenLoadedAndIdle(callback)();
    window.dispatchEvent(new Event('load'));

    expect(requestIdleCallback).not.toHaveBeenCalled();
    expect(callback).not.toHaveBeenCalled();
  });

  test('the hook turns true once, after the idle moment', () => {
    const { runIdle } = stubIdleCallback();
    function Probe() {
      return <p>{useLoadedAndIdle() ? 'ready' : 'waiting'}</p>;
    }
    render(<Probe />);
    expect(screen.getByText('waiting')).toBeTruthy();

    act(() => runIdle());

    expect(screen.getByText('ready')).toBeTruthy();
  });
});
