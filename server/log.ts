import util from 'node:util';
import pino, { type Logger } from 'pino';
import type { LogLevel } from '@/lib/env';
import { currentRequestScope } from '@/lib/request-scope';

/**
 * One JSON line per event on standard output. Request lines carry the route pattern, never the
 * path, query, headers or body, so no password, cookie or token can reach the log through them.
 * Written synchronously, so the last lines before an exit are never lost.
 */
export function createLogger(level: LogLevel, destination: pino.DestinationStream = pino.destination({ fd: 1, sync: true })): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

/**
 * Next and the app report errors with console.error; sent through the logger they become JSON
 * lines with the stack and the id of the request they happened in.
 */
export function routeConsoleToLog(logger: Logger): void {
  const forward = (level: 'error' | 'warn' | 'info' | 'debug') => (...args: unknown[]) => {
    const err = args.find((arg): arg is Error => arg instanceof Error);
    const text = args
      .filter((arg) => arg !== err)
      .map((arg) => (typeof arg === 'string' ? arg : util.inspect(arg, { depth: 4, breakLength: Infinity })))
      .join(' ');
    const msg = util.stripVTControlCharacters(text).replace(/^[⨯✓⚠▲○]\s*/u, '').trim();
    logger[level]({ reqId: currentRequestScope()?.requestId, err }, msg || err?.message || '');
  };
  console.error = forward('error');
  console.warn = forward('warn');
  console.info = forward('info');
  console.log = forward('info');
  console.debug = forward('debug');
}
