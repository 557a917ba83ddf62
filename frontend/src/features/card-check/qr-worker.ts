/**
 * Stands in for qr-scanner's `qr-scanner-worker.min.js` (see the alias in `vite.config.ts`): the same decoder,
 * started from `/qr-scanner-worker.js` on our own origin instead of a `blob:` URL the CSP forbids.
 */
export const createWorker = (): Worker => new Worker('/qr-scanner-worker.js');
