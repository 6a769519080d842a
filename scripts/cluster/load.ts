import crypto from 'node:crypto';
import autocannon from 'autocannon';

export interface Fixture {
  /** Session cookies of staff of the organisations that lead commitments. */
  staffCookies: string[];
  reviewerCookies: string[];
  commitmentIds: string[];
  /** Commitments open to updates, their current stage (kept: same-stage updates) and who may post. */
  updatable: { id: string; stage: string; cookies: string[] }[];
}

type WriteKind = 'update' | 'comment';
export interface WriteRecord {
  kind: WriteKind;
  commitmentId: string;
  /** The answer's status; undefined when none came (the connection broke). */
  status?: number;
}

type Classes = Record<'2xx' | '3xx' | '4xx' | '5xx', number>;
export interface PhaseResult {
  name: string;
  connections: number;
  seconds: number;
  responses: number;
  perSecond: number;
  latency: { p50: number; p95: number; p99: number };
  classes: Classes;
  byKind: Record<string, Classes>;
  errors: number;
  timeouts: number;
  events: string[];
}

const emptyClasses = (): Classes => ({ '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 });
const classOf = (status: number) => `${Math.floor(status / 100)}xx` as keyof Classes;

/**
 * One phase of mixed load through the load balancer: each connection loops over a status update,
 * a commitment page, a comment, the dashboard, the list and another commitment page. Every write
 * carries a fresh marker, recorded with the status of its answer.
 */
export async function runPhase(
  url: string,
  fixture: Fixture,
  writes: Map<string, WriteRecord>,
  options: { name: string; connections: number; seconds: number; midway: (events: string[]) => Promise<void> },
): Promise<PhaseResult> {
  let turn = 0;
  const pick = <T>(list: T[]): T => list[turn++ % list.length]!;
  const byKind: Record<string, Classes> = {};
  const count = (kind: string) => (status: number) => {
    byKind[kind] ??= emptyClasses();
    byKind[kind][classOf(status)] += 1;
  };
  const read = (kind: string, path: () => string): autocannon.Request => ({
    method: 'GET',
    setupRequest: (request) => ({ ...request, path: path(), headers: { ...request.headers, cookie: pick([...fixture.staffCookies, ...fixture.reviewerCookies]) } }),
    onResponse: count(kind),
  });
  const write = (kind: WriteKind, target: () => { id: string; stage?: string; cookies: string[] }, body: (marker: string, stage?: string) => object): autocannon.Request => ({
    method: 'POST',
    setupRequest: (request, context) => {
      const { id, stage, cookies } = target();
      const marker = `load-${crypto.randomUUID()}`;
      writes.set(marker, { kind, commitmentId: id });
      (context as Record<string, unknown>)[kind] = marker;
      return {
        ...request,
        path: kind === 'update' ? `/api/v1/commitments/${id}/updates` : `/api/v1/commitments/${id}/comments`,
        headers: { ...request.headers, cookie: pick(cookies), 'content-type': 'application/json' },
        body: JSON.stringify(body(marker, stage)),
      };
    },
    onResponse: (status, _body, context) => {
      count(kind)(status);
      const record = writes.get((context as Record<string, unknown>)[kind] as string);
      if (record) record.status = status;
    },
  });
  const health = ['on_track', 'at_risk', 'off_track'];
  const requests: autocannon.Request[] = [
    write('update', () => pick(fixture.updatable), (marker, stage) => ({ stage, health: pick(health), narrative: `Progress noted under load ${marker}` })),
    read('commitment', () => `/commitments/${pick(fixture.commitmentIds)}`),
    write('comment', () => ({ id: pick(fixture.commitmentIds), cookies: [...fixture.reviewerCookies, ...fixture.staffCookies] }), (marker) => ({ body: `A comment under load ${marker}` })),
    read('dashboard', () => '/'),
    read('list', () => '/commitments'),
    read('commitment', () => `/commitments/${pick(fixture.commitmentIds)}`),
  ];

  const latencies: number[] = [];
  const events: string[] = [];
  let finish: (result: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve) => (finish = resolve));
  const instance = autocannon({ url, connections: options.connections, duration: options.seconds, requests, timeout: 120 }, (error, result) => {
    if (error) throw error;
    finish(result);
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const started = Date.now();
  const midway = new Promise<void>((resolve, reject) => {
    setTimeout(() => options.midway(events).then(resolve, reject), (options.seconds * 1000) / 2);
  });
  const result = await done;
  await midway;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  const elapsed = (Date.now() - started) / 1000;
  return {
    name: options.name,
    connections: options.connections,
    seconds: options.seconds,
    responses: latencies.length,
    perSecond: Math.round(latencies.length / elapsed),
    latency: { p50: at(0.5), p95: at(0.95), p99: at(0.99) },
    classes: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
    byKind,
    errors: result.errors,
    timeouts: result.timeouts,
    events,
  };
}
