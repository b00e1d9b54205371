// The manager's morning and day: Team today updated live while a rep logs calls, a rep's
// sheet read-only, the week's leaderboard by advances, the dashboard's sample sizes, and
// the phone (390x844): a tapped call's brief in view, a large number, readable charts.
import assert from 'node:assert/strict';

export async function team(ctx) {
  const { page, base, browser, step, shot, signIn, apiFromPage, watch, allowResourceError } = ctx;

  step('Team: a manager watches a rep\'s calls appear without reloading');
  const mctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const maria = await mctx.newPage();
  watch(maria, 'maria-team');
  await signIn(maria, base, 'maria@demo.nextcall');
  await maria.locator('nav a[href="#/team"]').click();
  await maria.locator('#main[data-ready="team"]').waitFor();
  assert.equal(await page.locator('nav a[href="#/team"]').count(), 0, 'a rep has no Team link');
  const users = (await apiFromPage(maria, 'GET', '/api/users')).body;
  const samId = users.find((u) => u.email === 'sam@demo.nextcall').id;
  const mariaId = users.find((u) => u.email === 'maria@demo.nextcall').id;
  const cell = (rep, cls) => maria.locator(`#team-table tr[data-rep="${rep}"] td.${cls}`);
  const num = async (rep, cls) => Number((await cell(rep, cls).textContent()).trim().split(/\s/)[0]);
  assert.equal(await maria.locator('#team-table tbody tr').count(), users.length, 'a row per user');
  const dials0 = await num(samId, 'dials');
  const vm0 = await num(samId, 'voicemails');
  const done0 = await num(samId, 'done');
  await maria.evaluate(() => { window.__notReloaded = true; });

  // Sam logs a voicemail (through the API, as his Today screen does).
  const samPlan = (await apiFromPage(page, 'GET', '/api/plan')).body;
  // Calls not made yet today (the walk's earlier steps logged some of Sam's): each one
  // logged now is one more contact done.
  const doneIds = new Set((samPlan.done || []).map((d) => d.contact_id));
  const fresh = samPlan.calls.filter((c) => !doneIds.has(c.contact_id));
  assert.ok(fresh.length >= 2, 'Sam has calls left');
  const vmContact = fresh[0].contact_id;
  const logged = await apiFromPage(page, 'POST', `/api/contacts/${vmContact}/calls`, { outcome: 'voicemail', note: 'left the 2 pm slot' });
  assert.equal(logged.status, 201);
  const t0 = Date.now();
  await maria.waitForFunction(([rep, want]) => {
    const td = document.querySelector(`#team-table tr[data-rep="${rep}"] td.dials`);
    return td && Number(td.textContent.trim()) === want;
  }, [samId, dials0 + 1], { timeout: 25000 });
  console.log(`      the Team screen showed Sam's call ${((Date.now() - t0) / 1000).toFixed(1)} s after it was logged`);
  assert.equal(await num(samId, 'voicemails'), vm0 + 1, 'the voicemail is counted');
  assert.equal(await num(samId, 'done'), done0 + 1, 'the contact is done');
  assert.ok(await maria.evaluate(() => window.__notReloaded), 'no reload');
  await shot(maria, '30-team-today');

  step('Team: the week\'s leaderboard ranks by advances up the ladder, not by dials');
  const board0 = (await apiFromPage(maria, 'GET', '/api/team/leaderboard')).body;
  assert.equal(await maria.locator('#leaderboard-list li').count(), board0.rows.length);
  const advances = await maria.locator('#leaderboard-list .lb-adv strong').allTextContents();
  for (let i = 1; i < advances.length; i++) assert.ok(Number(advances[i]) <= Number(advances[i - 1]), 'most advances first');
  const samAdv0 = board0.rows.find((r) => r.id === samId).advances;
  // A contact who never agreed to a sale agrees to one: an advance.
  const buyer = fresh.slice(1).find((c) => !(c.close && c.close.highest_agreed === 'sale'));
  assert.ok(buyer, 'a contact to advance');
  const sale = await apiFromPage(page, 'POST', `/api/contacts/${buyer.contact_id}/calls`, { outcome: 'connected', rung: 'sale', note: 'signed the order' });
  assert.equal(sale.status, 201);
  await maria.locator(`#leaderboard-list li[data-rep="${samId}"] .lb-adv strong`, { hasText: new RegExp(`^${samAdv0 + 1}$`) }).waitFor({ timeout: 25000 });
  await maria.locator(`#team-table tr[data-rep="${samId}"] td.dials`, { hasText: new RegExp(`^${dials0 + 2}$`) }).waitFor({ timeout: 25000 });
  const board1 = (await apiFromPage(maria, 'GET', '/api/team/leaderboard')).body;
  const order = board1.rows.map((r) => r.advances);
  assert.deepEqual(order, [...order].sort((a, b) => b - a), 'the API ranks by advances');
  await maria.locator('#board-prev').click();
  await maria.waitForFunction((w) => !document.getElementById('board-h').textContent.includes(w), board1.week);
  await maria.locator('#board-next').click();
  await maria.locator('#board-h', { hasText: board1.week }).waitFor();
  await shot(maria, '31-team-leaderboard');

  step('Team: a rep\'s sheet opened read-only; the API refuses writing as the rep and reps reading another\'s sheet');
  await maria.getByRole('link', { name: 'Open Sam Carter\'s sheet' }).click();
  await maria.locator('#main[data-ready="team-sheet"]').waitFor();
  assert.equal((await maria.locator('#ro-badge').textContent()).trim(), 'read only');
  const samNow = (await apiFromPage(page, 'GET', '/api/plan')).body;
  assert.equal(await maria.locator('#ro-sheet li.call').count(), samNow.calls.length, 'Sam\'s calls, as Sam sees them');
  assert.equal(await maria.locator('#ro-done-list li').count(), samNow.done.length, 'what Sam has done');
  await maria.locator('#ro-done-list li', { hasText: 'signed the order' }).waitFor();
  await maria.locator('#ro-sheet li.call').nth(1).locator('button').click();
  await maria.locator('#ro-brief h2', { hasText: samNow.calls[1].name }).waitFor();
  await maria.locator('#ro-reason .quote').waitFor();
  assert.equal(await maria.locator('#logbar, #logpanel, #log-note').count(), 0, 'no log controls');
  assert.equal(await maria.locator('#main button', { hasText: /^(c|v|g|n)?\s*(Connected|Voicemail|Gatekeeper|No answer)$/ }).count(), 0, 'no log buttons');
  await maria.keyboard.press('c');
  await maria.keyboard.press('v');
  assert.equal(await maria.locator('#logpanel').count(), 0, 'the log keys do nothing here');
  await shot(maria, '32-team-sheet-readonly');
  allowResourceError(403);
  const asSam = await apiFromPage(maria, 'POST', `/api/contacts/${samNow.calls[1].contact_id}/calls?rep=${samId}`, { outcome: 'no_answer' });
  assert.equal(asSam.status, 403, 'a manager cannot log as the rep');
  allowResourceError(403);
  const peek = await apiFromPage(page, 'GET', `/api/plan?rep=${mariaId}`);
  assert.equal(peek.status, 403, 'a rep cannot read another rep\'s sheet');
  assert.equal((await apiFromPage(page, 'GET', '/api/plan')).body.calls.length, samNow.calls.length, 'nothing was logged');

  step('Dashboard: every bar says how many it is of');
  await maria.goto(`${base}/#/dashboard`);
  await maria.locator('#main[data-ready="dashboard"]').waitFor();
  await maria.evaluate(() => { document.getElementById('main').dataset.ready = ''; });
  await maria.locator('#dash-rep').selectOption(String(samId));
  await maria.locator('#main[data-ready="dashboard"]').waitFor();
  const dash = (await apiFromPage(maria, 'GET', `/api/dashboard?rep=${samId}&days=30`)).body;
  const hours = dash.reach_by_hour.filter((r) => r.attempts);
  assert.ok(hours.length > 0, 'Sam has calls in the period');
  const under = await maria.locator('#chart-reach text.n').allTextContents();
  assert.deepEqual(under, hours.map((r) => `${r.connects} of ${r.attempts}`), 'each reach bar with its calls');
  const funnel = await maria.locator('#chart-funnel text.val').allTextContents();
  assert.deepEqual(funnel, dash.funnel.contact.map((f) => `${f.contacts} of ${f.of}`), 'each rung with the contacts called');
  const reasons = await maria.locator('#chart-reasons text.val').allTextContents();
  assert.ok(reasons.length > 0 && reasons.every((t) => /^\d+% · \d+ of \d+$/.test(t)), `each reason with its calls: ${reasons.join(', ')}`);
  const half = hours.find((r) => r.rate === 0.5);
  if (half) assert.ok(under.includes(`${half.connects} of ${half.attempts}`), 'a 50% bar says how many calls');
  await shot(maria, '33-dashboard-samples');
  await mctx.close();

  step('Phone (390x844): Team, a tapped call\'s brief in view, a large number, readable dashboard labels');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true });
  const mp = await phone.newPage();
  watch(mp, 'maria-phone');
  await signIn(mp, base, 'maria@demo.nextcall');
  await mp.goto(`${base}/#/team`);
  await mp.locator('#main[data-ready="team"]').waitFor();
  await mp.locator('#leaderboard-list li').first().waitFor();
  const wide = async (p) => p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(await wide(mp) <= 1, `Team: no horizontal scroll at 390px (${await wide(mp)}px)`);
  await shot(mp, '34-team-phone');
  await mp.goto(`${base}/#/dashboard`);
  await mp.locator('#main[data-ready="dashboard"]').waitFor();
  assert.ok(await wide(mp) <= 1, `Dashboard: no horizontal scroll at 390px (${await wide(mp)}px)`);
  // Each chart label's rendered height: SVG text scaled below ~10 px cannot be read.
  const sizes = await mp.evaluate(() => [...document.querySelectorAll('.chart svg text')]
    .map((t) => ({ text: t.textContent, px: t.getBoundingClientRect().height })));
  const small = sizes.filter((x) => x.px < 11);
  assert.deepEqual(small, [], 'every dashboard label is at least 11 px tall on a phone');
  await mp.locator('#chart-reach text.val').first().waitFor();
  await shot(mp, '35-dashboard-phone');
  await phone.close();

  const sp = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true });
  const sam = await sp.newPage();
  watch(sam, 'sam-phone');
  await signIn(sam, base, 'sam@demo.nextcall');
  await sam.locator('#brief h2').waitFor();
  const calls = sam.locator('#sheet li.call:not(.done)');
  assert.ok(await calls.count() >= 2, 'calls to tap');
  const target = calls.nth(1);
  const name = (await target.locator('.call-name').textContent()).trim();
  await target.locator('button').tap();
  await sam.locator('#brief h2', { hasText: name }).waitFor();
  await sam.waitForFunction(() => {
    const r = document.querySelector('#brief h2').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, null, { timeout: 5000 });
  const tel = await sam.locator('#brief-phone').boundingBox();
  assert.ok(tel.height >= 44 && tel.width >= 44, `the number is a large tap target (${Math.round(tel.width)}x${Math.round(tel.height)} px)`);
  const telInView = await sam.evaluate(() => {
    const r = document.getElementById('brief-phone').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(telInView, 'the number is on screen with the brief');
  await shot(sam, '36-today-phone-tapped');
  await sp.close();
}
