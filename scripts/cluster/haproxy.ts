import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Debian's HAProxy, installed on first use (the script runs as root on the machines it is meant for). */
export function ensureHaproxy(log: (line: string) => void): string {
  const found = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  log('HAProxy is not installed: installing it with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'haproxy'], { stdio: 'inherit', env });
  const installed = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).stdout.trim();
  if (update.status !== 0 || install.status !== 0 || !installed) throw new Error('Could not install HAProxy with apt-get (run as root, or install it yourself).');
  return installed;
}

/**
 * A load balancer as an operator would set one up in front of the tracker: it sends traffic only
 * to instances whose /api/ready answers 200 (checked every second), at most 8 requests at a
 * time each (the rest wait in its queue, and go to another instance if this one stops, rather
 * than crowd a busy instance and outlast its 10 s drain), records the client in
 * X-Forwarded-For (the instances trust it through TRUST_PROXY), gives each request an id, and
 * tries another instance when one refuses a connection. It never resends a request an instance
 * received: a write must not be applied twice.
 */
export function haproxyConfig(listenPort: number, instancePorts: number[]): string {
  return `global
  maxconn 4096
  log stdout format raw local0

defaults
  mode http
  log global
  option httplog
  option http-keep-alive
  # A request whose client has gone is dropped from the queue instead of being served to no one.
  option abortonclose
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  timeout http-keep-alive 30s
  timeout queue 120s
  timeout check 5s
  retries 3
  option redispatch 1
  retry-on conn-failure
  # A busy instance answers its check slowly: two failed checks in a row take it out. A refused
  # connection (an instance killed, or past its shutdown delay) takes it out at once, and the
  # request goes to another instance.
  default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2 maxconn 8 observe layer4 error-limit 1 on-error mark-down

frontend tracker
  bind 127.0.0.1:${listenPort}
  option forwardfor
  http-request set-header X-Forwarded-Proto http
  http-request del-header X-Forwarded-Host
  unique-id-format %[uuid()]
  http-request set-header X-Request-Id %[unique-id]
  default_backend instances

backend instances
  balance roundrobin
  option httpchk GET /api/ready
  http-check expect status 200
${instancePorts.map((port, i) => `  server instance${i + 1} 127.0.0.1:${port} check`).join('\n')}
`;
}

export function startHaproxy(binary: string, workDir: string, config: string): ChildProcess {
  const file = path.join(workDir, 'haproxy.cfg');
  fs.writeFileSync(file, config);
  const check = spawnSync(binary, ['-c', '-q', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`HAProxy refused its configuration:\n${check.stderr || check.stdout}`);
  const log = fs.openSync(path.join(workDir, 'haproxy.log'), 'a');
  return spawn(binary, ['-db', '-f', file], { stdio: ['ignore', log, log] });
}
