// `npm run lighthouse`: Lighthouse (mobile, simulated throttling) on the dashboard and a commitment
// page, signed in as the official, against a production build with the demo data. Three runs per
// page; prints the medians and whether each target is met.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startDemoServer } = require('./lib/demo-server.ts') as typeof import('./lib/demo-server');

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Run { performance: number; accessibility: number; bestPractices: number; tbt: number; cls: number; lcp: number; fcp: number }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function signInCookie(baseURL: string): Promise<{ cookie: string; commitmentPath: string }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'agenda-lh-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS });
  const page = await context.newPage();
  await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel('Email address').fill('official@agenda.test');
  await page.getByLabel('Password').fill('demo-password-2026');
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.getByRole('button', { name: 'Sign in' }).click()]);
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const list = await (await fetch(`${baseURL}/api/v1/commitments?q=ISB-06`, { headers: { cookie } })).json();
  await context.close();
  return { cookie, commitmentPath: `/commitments/${list.items[0].id}` };
}

// Each run's full report, for reading where the time goes (artifacts/ is not committed).
const REPORT_DIR = path.join('artifacts', 'lighthouse');

async function audit(url: string, cookie: string, port: number, reportName: string): Promise<Run> {
  const result = await lighthouse(url, {
    port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'],
    extraHeaders: { Cookie: cookie },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  fs.writeFileSync(path.join(REPORT_DIR, `${reportName}.json`), JSON.stringify(result.lhr));
  const { categories, audits } = result.lhr;
  const score = (key: string) => Math.round((categories[key]?.score ?? 0) * 100);
  return {
    performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
    tbt: audits['total-blocking-time']?.numericValue ?? NaN, cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
    lcp: audits['largest-contentful-paint']?.numericValue ?? NaN, fcp: audits['first-contentful-paint']?.numericValue ?? NaN,
  };
}

async function main() {
  const server = process.env.LIGHTHOUSE_BASE_URL
    ? { baseURL: process.env.LIGHTHOUSE_BASE_URL, stop: async () => {} }
    : await startDemoServer({ port: Number(process.env.LIGHTHOUSE_PORT ?? 3220) });
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  let failed = false;
  try {
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
    const { cookie, commitmentPath } = await signInCookie(server.baseURL);
    const pages = [['dashboard', '/'], ['commitment page', commitmentPath]] as const;
    const results: Record<string, unknown> = {};
    for (const [name, pagePath] of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await audit(`${server.baseURL}${pagePath}`, cookie, chrome.port, `${name.replace(/\W+/g, '-')}-${i + 1}`));
      const m = (key: keyof Run) => median(runs.map((r) => r[key]));
      const checks: [string, number, string, boolean][] = [
        ['performance', m('performance'), '≥ 90', m('performance') >= 90],
        ['accessibility', m('accessibility'), '= 100', m('accessibility') === 100],
        ['best practices', m('bestPractices'), '≥ 95', m('bestPractices') >= 95],
        ['total blocking time (ms)', Math.round(m('tbt')), '≤ 200', m('tbt') <= 200],
        ['cumulative layout shift', Number(m('cls').toFixed(3)), '≤ 0.1', m('cls') <= 0.1],
        ['largest contentful paint (ms)', Math.round(m('lcp')), 'informative', true],
        ['first contentful paint (ms)', Math.round(m('fcp')), 'informative', true],
      ];
      console.log(`\n${name} (${pagePath}), median of ${RUNS} runs, mobile with simulated throttling`);
      for (const [label, value, target, ok] of checks) {
        console.log(`  ${label.padEnd(32)} ${String(value).padStart(8)}   target ${target.padEnd(12)} ${target === 'informative' ? '' : ok ? 'PASS' : 'FAIL'}`);
        if (!ok) failed = true;
      }
      results[name] = { path: pagePath, runs, medians: Object.fromEntries(checks.map(([l, v]) => [l, v])) };
    }
    fs.writeFileSync('lighthouse-results.json', JSON.stringify(results, null, 2));
    console.log(`\n${failed ? 'Some targets are not met.' : 'Every target is met.'} Details in lighthouse-results.json, full reports in ${REPORT_DIR}.`);
  } finally {
    await chrome?.kill();
    await server.stop();
  }
  process.exitCode = failed && process.argv.includes('--strict') ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
