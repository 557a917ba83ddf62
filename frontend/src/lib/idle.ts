/**
 * Work that must stay off the first load's critical path (a status check, say): it starts after the
 * window's `load` event, once the browser is idle (`requestIdleCallback`, or a short timer where the
 * browser has none, e.g. Safari).
 */
import { useEffect, useState } from 'react';

type IdleOptions = {
  /** The longest to wait for an idle moment after `load`, in ms. */
  idleTimeout?: number;
  /** Without `requestIdleCallback`: the delay after `load`, in ms. */
  fallbackDelay?: number;
};

/** Calls `callback` once, after `load` and then an idle moment. Returns a function that cancels it. */
export function whenLoadedAndIdle(
  callback: () => void,
  { idleTimeout = 2000, fallbackDelay = 200 }: IdleOptions = {},
): () => void {
  let cancelled = false;
  let cancelWait: (() => void) | undefined;

  const afterLoad = () => {
    if (cancelled) return;
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(() => callback(), { timeout: idleTimeout });
      cancelWait = () => window.cancelIdleCallback(handle);
    } else {
      const handle = window.setTimeout(callback, fallbackDelay);
      cancelWait = () => window.clearTimeout(handle);
    }
  };

  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });

  return () => {
    cancelled = true;
    window.removeEventListener('load', afterLoad);
    cancelWait?.();
  };
}

/** `false` until the page has loaded and the browser has been idle once (`whenLoadedAndIdle`). */
export function useLoadedAndIdle(options?: IdleOptions): boolean {
  const [ready, setReady] = useState(false);
  const idleTimeout = options?.idleTimeout;
  const fallbackDelay = options?.fallbackDelay;
  useEffect(() => whenLoadedAndIdle(() => setReady(true), { idleTimeout, fallbackDelay }), [idleTimeout, fallbackDelay]);
  return ready;
}
