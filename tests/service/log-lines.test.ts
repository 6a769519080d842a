import { AsyncLocalStorage } from 'node:async_hooks';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { installRequestScope, noteRequestUser, type RequestScope } from '../../lib/request-scope';
import { createLogger, routeConsoleToLog } from '../../server/log';

const original = { error: console.error, warn: console.warn, info: console.info, log: console.log, debug: console.debug };
afterEach(() => Object.assign(console, original));

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>));
      done();
    },
  });
  return { lines, logger: createLogger('info', sink) };
}

describe('log lines of errors the app and Next report', () => {
  it('become JSON with the stack and the id of the request they happened in', async () => {
    const { lines, logger } = capture();
    routeConsoleToLog(logger);
    const storage = new AsyncLocalStorage<RequestScope>();
    installRequestScope(storage);
    await storage.run({ requestId: 'request-42' }, async () => {
      await Promise.resolve();
      console.error('\u001b[31m⨯\u001b[39m', new Error('the database went away'));
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', reqId: 'request-42', err: { message: 'the database went away' } });
    expect((lines[0]!.err as { stack: string }).stack).toMatch(/Error: the database went away\n\s+at /);
    expect(lines[0]!.msg).toBe('the database went away');
  });

  it('carry the signed-in user the app noted for the request', () => {
    const storage = new AsyncLocalStorage<RequestScope>();
    installRequestScope(storage);
    const scope: RequestScope = { requestId: 'request-43' };
    storage.run(scope, () => noteRequestUser('user-7'));
    expect(scope.userId).toBe('user-7');
    // Outside a request (scripts, tests) there is nothing to note and nothing breaks.
    expect(() => noteRequestUser('user-8')).not.toThrow();
  });
});
