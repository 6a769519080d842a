import type { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the HTTP server's log line needs to learn from inside the app while a request runs. The
 * server and the app's bundled modules are different module instances in one process, so the
 * store that carries it is shared through globalThis.
 */
export interface RequestScope {
  requestId: string;
  userId?: string;
}

const KEY = Symbol.for('agenda.request-scope');
type Holder = { [KEY]?: AsyncLocalStorage<RequestScope> };

export function installRequestScope(storage: AsyncLocalStorage<RequestScope>): void {
  (globalThis as Holder)[KEY] = storage;
}

export function currentRequestScope(): RequestScope | undefined {
  return (globalThis as Holder)[KEY]?.getStore();
}

/** Notes who is asking, for the request's log line; a no-op outside the server (tests, scripts). */
export function noteRequestUser(userId: string | undefined): void {
  const scope = currentRequestScope();
  if (scope && userId) scope.userId = userId;
}
