// End-to-end browser test of the nextcall web UI.
// Usage: node tests/e2e/run.mjs PATH_TO_NEXTCALL_BINARY ARTIFACT_DIR
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { rest } from './screens.mjs';
import { day } from './day.mjs';
import { contacts } from './contacts.mjs';
import { team } from './team.mjs';

const NOW = '2026-11-24T15:00:00Z';
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const [binArg, artArg] = process.argv.slice(2);
if (!binArg || !artArg) {
  console.error('usage: node tests/e2e/run.mjs PATH_TO_NEXTCALL_BINARY ARTIFACT_DIR');
  process.exit(2);
}
const bin = path.resolve(binArg);
const artifacts = path.resolve(artArg);
fs.mkdirSync(artifacts, { recursive: true });

const started = Date.now();
let stepNo = 0;
function step(text) {
  stepNo += 1;
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${stepNo}. ${text}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(base, proc) {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited early with code ${proc.exitCode}`);
    try {
      const res = await fetch(`${base}/api/session`);
      if (res.status === 401 || res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not answer within 15 s');
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nextcall-e2e-'));
const db = path.join(tmp, 'e2e.db');
const env = { ...process.env, NEXTCALL_NOW: NOW };
let server = null;
let browser = null;
const consoleErrors = [];
// HTTP errors the walk provokes on purpose (the browser logs each failed request).
const allowed = [];
function allowResourceError(status) { allowed.push(status); }
// Other console errors the walk provokes on purpose (a request to a stopped server).
const allowedText = [];
function allowConsole(text) { allowedText.push(text); }

function watch(page, who) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const text = msg.text();
      // 401 on the first GET /api/session before signing in is expected.
      if (/401/.test(text) && /Failed to load resource/.test(text)) return;
      const i = allowed.findIndex((st) => text.includes(`status of ${st}`));
      if (i >= 0 && /Failed to load resource/.test(text)) { allowed.splice(i, 1); return; }
      const j = allowedText.findIndex((t) => text.includes(t));
      if (j >= 0) { allowedText.splice(j, 1); return; }
      consoleErrors.push(`${who}: ${text}`);
    }
  });
  page.on('pageerror', (err) => consoleErrors.push(`${who}: page error: ${err.message}`));
  // A step that expects a question sets page.answerDialog = 'accept' or 'dismiss' first.
  page.on('dialog', (d) => {
    const answer = page.answerDialog;
    page.answerDialog = null;
    if (answer === 'accept') return d.accept();
    if (answer !== 'dismiss') consoleErrors.push(`${who}: unexpected dialog: ${d.message()}`);
    return d.dismiss();
  });
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  // Every form control on the screen has a label.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unlabelled, [], `${name}: form controls without a label`);
  // Times are the rep's (and the contact's), never UTC with a Z.
  const utc = await page.evaluate(() => (document.body.innerText.match(/\d{1,2}:\d{2}(:\d{2})?Z\b/g) || []));
  assert.deepEqual(utc, [], `${name}: UTC times on screen`);
}

async function signIn(page, base, email) {
  await page.goto(`${base}/#/today`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('nextcall-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#main[data-ready="today"]').waitFor({ timeout: 20000 });
}

async function apiFromPage(page, method, url, body) {
  return page.evaluate(async ([m, u, b]) => {
    const s = await (await fetch('/api/session')).json();
    const init = { method: m, headers: { 'X-CSRF-Token': s.csrf_token } };
    if (b !== undefined) { init.body = JSON.stringify(b); init.headers['Content-Type'] = 'application/json'; }
    const res = await fetch(u, init);
    return { status: res.status, body: await res.json() };
  }, [method, url, body]);
}

async function main() {
  step(`demo database in ${db}`);
  execFileSync(bin, ['--db', db, 'demo'], { env, stdio: 'ignore' });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let serverErr = '';
  // The server can be stopped and started again on the same port and database (a save
  // made while it is down must survive).
  async function startServer() {
    step(`start server on ${base}`);
    server = spawn(bin, ['--db', db, 'serve', '--port', String(port), '--bind', '127.0.0.1',
      '--static-dir', path.join(repo, 'web', 'static')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    server.stderr.on('data', (d) => { serverErr += d; });
    try {
      await waitForServer(base, server);
    } catch (e) {
      throw new Error(`${e.message}\n${serverErr}`);
    }
  }
  async function stopServer() {
    step('stop the server');
    const proc = server;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))]);
    if (proc.exitCode === null && proc.signalCode === null) { proc.kill('SIGKILL'); await exited; }
  }
  await startServer();

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const sam = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await sam.newPage();
  watch(page, 'sam');

  step('sign-in screen: wrong password shows the API message');
  await page.goto(`${base}/`);
  await page.getByLabel('Email').waitFor();
  await shot(page, '01-signin');
  await page.getByLabel('Email').fill('sam@demo.nextcall');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.form-error .error').waitFor();
  assert.ok((await page.locator('.form-error .error').textContent()).length > 3, 'an error message is shown');

  step('sign in as sam');
  await signIn(page, base, 'sam@demo.nextcall');
  await page.locator('#sheet li.call').first().waitFor();
  await page.locator('#brief h2').waitFor();
  assert.ok(await page.locator('#now-line').count() === 1, 'the now line is on the sheet');
  assert.ok(await page.locator('#brief a[href^="tel:"]').count() === 1, 'the phone is a tel: link');
  await page.locator('#brief-memory ul, #brief-memory p').first().waitFor();
  await shot(page, '02-today');

  step('Today: the day after is planned on its own page, then back to today');
  await page.getByRole('link', { name: 'The day after' }).click();
  await page.locator('#today-h', { hasText: 'Tomorrow' }).waitFor();
  await page.locator('#main[data-ready="today"]').waitFor();
  const tomorrowHash = await page.evaluate(() => location.hash);
  assert.match(tomorrowHash, /^#\/today\/\d{4}-\d{2}-\d{2}$/, 'the day is in the address');
  const tomorrowDay = tomorrowHash.slice('#/today/'.length);
  assert.ok((await page.locator('.sheet-head').textContent()).includes(tomorrowDay), 'the head names the day planned');
  assert.equal(await page.locator('#now-line').count(), 0, 'no now line on another day');
  assert.ok(await page.locator('#sheet li.call').count() > 0 || await page.locator('#sheet-empty').count() === 1,
    'the day after shows its calls or says there are none');
  await shot(page, '02b-tomorrow');
  await page.getByRole('link', { name: 'Back to today' }).click();
  await page.locator('#today-h', { hasText: /^Today$/ }).waitFor();
  await page.locator('#main[data-ready="today"]').waitFor();
  await page.locator('#sheet li.call').first().waitFor();
  assert.equal(await page.locator('#now-line').count(), 1, 'the now line is back on today');
  assert.equal(await page.getByRole('link', { name: 'Back to today' }).count(), 0, 'no link to where you are');

  step('Today: a day with no calls (a Sunday) says so, the brief is never a placeholder, the log keys do no harm');
  await page.goto(`${base}/#/today/2026-11-29`);
  await page.locator('#main[data-ready="today"]').waitFor();
  await page.locator('#sheet-empty').waitFor();
  await page.locator('#brief-empty').waitFor();
  assert.equal(await page.locator('#brief .skeleton').count(), 0, 'no loading placeholder in the brief');
  assert.equal(await page.locator('#brief').getAttribute('aria-busy'), 'false');
  await page.keyboard.press('v');
  await page.keyboard.press('c');
  assert.equal(await page.locator('#logpanel').count(), 0, 'no log panel without a call');
  await page.locator('#plan-next').waitFor();
  await page.goto(`${base}/#/today`);
  await page.locator('#main[data-ready="today"]').waitFor();
  await page.locator('#sheet li.call').first().waitFor();

  step('Today: moving through briefs shifts no layout');
  await page.evaluate(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shift += e.value;  // input or not: a brief must not push things around
    }).observe({ type: 'layout-shift', buffered: false });
  });
  const sheetTop = async () => (await page.locator('#sheet').boundingBox()).y;
  const before = await sheetTop();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('j');
    await page.locator('#brief h2').waitFor();
  }
  for (let i = 0; i < 3; i++) await page.keyboard.press('k');
  await page.waitForTimeout(300);
  const shift = await page.evaluate(() => window.__shift);
  assert.ok(shift < 0.05, `cumulative layout shift while briefs load is ${shift.toFixed(3)} (under 0.05)`);
  assert.equal(await sheetTop(), before, 'the sheet does not move');

  step('Today: five calls with the keyboard only');
  const plan = (await apiFromPage(page, 'GET', '/api/plan')).body;
  await page.locator('body').click({ position: { x: 1, y: 1 } }).catch(() => {});
  const selIndex = async () => Number(await page.locator('#sheet li.call.selected').getAttribute('data-index'));
  const start = await selIndex();
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  assert.equal(await selIndex(), start + 2, 'j and ArrowDown move down');
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowUp');
  assert.equal(await selIndex(), start, 'k and ArrowUp move up');
  await page.keyboard.press('v');
  await page.locator('#logpanel').waitFor();
  await page.keyboard.press('Escape'); // leaves the note
  await page.keyboard.press('Escape'); // closes the panel
  await page.locator('#logpanel').waitFor({ state: 'detached' });
  const script = [
    { keys: ['v'], outcome: 'voicemail' },
    { keys: ['n'], outcome: 'no_answer' },
    { keys: ['c', '2'], note: 'Wants a quote for the east plant', outcome: 'connected', rung: true },
    { keys: ['g', '2'], outcome: 'gatekeeper', rung: true },
    { keys: ['c', '4'], note: 'Walked through page 6 together', outcome: 'connected', rung: true },
  ];
  const settings = (await apiFromPage(page, 'GET', '/api/settings')).body;
  for (const [i, s] of script.entries()) {
    const selected = page.locator('#sheet li.call.selected');
    const id = Number(await selected.getAttribute('data-contact'));
    const before = (await apiFromPage(page, 'GET', `/api/contacts/${id}`)).body.attempts.length;
    for (const k of s.keys) await page.keyboard.press(k);
    await page.locator('#logpanel').waitFor();
    if (s.note) await page.keyboard.type(s.note);
    if (i === 2) await shot(page, '03-today-logging');
    await page.keyboard.press('Enter');
    await page.locator(`#sheet li.call.done[data-contact="${id}"]`).waitFor({ timeout: 15000 });
    const after = (await apiFromPage(page, 'GET', `/api/contacts/${id}`)).body;
    assert.equal(after.attempts.length, before + 1, `a new attempt for contact ${id}`);
    const last = after.attempts.reduce((a, b) => (a.id > b.id ? a : b));
    assert.equal(last.outcome, s.outcome);
    if (s.rung) {
      const ladder = s.outcome === 'gatekeeper' ? settings.gatekeeper_ladder : settings.contact_ladder;
      assert.equal(last.rung, ladder[Number(s.keys[1]) - 1], 'the rung chosen by number key');
    }
    if (s.note) assert.equal(last.note, s.note);
    const nowSel = Number(await page.locator('#sheet li.call.selected').getAttribute('data-contact'));
    assert.notEqual(nowSel, id, 'the next call is selected');
    console.log(`      saved ${s.outcome}${last.rung ? ` (${last.rung})` : ''} for ${after.name}`);
  }
  assert.equal(await page.locator('#sheet li.call.done').count(), 5);
  assert.ok(plan.calls.length >= 5);
  for (const [key, id] of [['overflow', 'extras-overflow'], ['needs_reason', 'extras-needs-reason'],
    ['snoozed', 'extras-snoozed'], ['skipped', 'extras-skipped']]) {
    const n = (plan[key] || []).length;
    assert.equal(await page.locator(`#${id}`).count(), n ? 1 : 0, `the ${key} list is shown when the plan has one`);
    if (n) assert.equal(await page.locator(`#${id} li`).count(), n, `every ${key} entry is listed`);
  }
  await shot(page, '04-today-after');

  step('Today at phone size (390x844)');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const pp = await phone.newPage();
  watch(pp, 'phone');
  await signIn(pp, base, 'sam@demo.nextcall');
  await pp.locator('#brief h2').waitFor();
  await shot(pp, '05-today-phone');
  const overflow = await pp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scroll at 390px (overflow ${overflow}px)`);
  await phone.close();

  // NEXTCALL_E2E_ONLY=contacts walks the Contacts screens alone (while working on them).
  const only = process.env.NEXTCALL_E2E_ONLY || '';
  if (!only) {
    await day({ page, base, browser, step, shot, signIn, apiFromPage, watch, stopServer, startServer, allowConsole,
      artifact: (name) => path.join(artifacts, name) });

    await rest({ allowResourceError, page, base, browser, step, shot, signIn, apiFromPage, watch });
  }
  // NEXTCALL_E2E_ONLY=team walks the manager's Team screens alone.
  if (!only || only === 'team') await team({ page, base, browser, step, shot, signIn, apiFromPage, watch, allowResourceError });

  await contacts({ browser, base, step, shot, signIn, apiFromPage, watch });

  step('no console errors');
  assert.deepEqual(consoleErrors, [], `console errors:\n${consoleErrors.join('\n')}`);
}


let failed = false;
try {
  await main();
  console.log(`PASS in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${artifacts}`);
} catch (e) {
  failed = true;
  console.error(`FAIL: ${e.stack || e}`);
  if (consoleErrors.length) console.error(`console errors so far:\n${consoleErrors.join('\n')}`);
  if (browser) {
    for (const c of browser.contexts()) {
      for (const [i, p] of c.pages().entries()) {
        await p.screenshot({ path: path.join(artifacts, `failure-${i}.png`), fullPage: true }).catch(() => {});
      }
    }
  }
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null) server.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
