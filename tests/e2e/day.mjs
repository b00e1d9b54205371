// The rep's working day on Today: logging never loses what was typed, one panel finishes a
// call, the day's progress survives a reload, the live call fits one screen, times in the
// rep's and the contact's zones, and the phone layout.
import assert from 'node:assert/strict';

const INTERNAL = /Thompson sample|--force|--[a-z]+-[a-z]+|\bseed \d{3}\b|#\d+\b/i;
const UTC_Z = /\d{1,2}:\d{2}(:\d{2})?Z\b/;

// The words on screen (what a rep can read; closed <details> are not rendered).
const visibleText = (page) => page.evaluate(() => document.body.innerText);

export async function day(ctx) {
  const { page, base, browser, step, shot, signIn, apiFromPage, watch, stopServer, startServer, allowConsole } = ctx;
  const settings = (await apiFromPage(page, 'GET', '/api/settings')).body;
  const selected = () => page.locator('#sheet li.call.selected');
  const selectedId = async () => Number(await selected().getAttribute('data-contact'));
  const lastAttempt = async (id) => {
    const m = (await apiFromPage(page, 'GET', `/api/contacts/${id}`)).body;
    return { m, last: m.attempts.reduce((a, b) => (a.id > b.id ? a : b)) };
  };
  const saved = (id) => page.locator(`#sheet li.call.done[data-contact="${id}"]`).waitFor({ timeout: 15000 });
  const logged = new Set(await page.locator('#sheet li.call.done').evaluateAll((els) => els.map((e) => Number(e.dataset.contact))));
  let attemptsToday = logged.size;

  step('Log panel: notes that begin with a shortcut letter or a digit are stored as typed');
  await page.locator('#sheet li.call.selected button').focus();
  const firsts = ['n', 'g', 'v', 'c', 'j', 'k', 'd', '1', '7'];
  for (const [i, first] of firsts.entries()) {
    const id = await selectedId();
    const text = `${first}eeds a quote by friday (${i})`;
    const viaRung = i % 2 === 0; // half pick a rung first (focus moves to the note), half type straight away
    await page.keyboard.press('c');
    await page.locator('#logpanel').waitFor();
    if (viaRung) {
      await page.keyboard.press('4');
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'log-note');
    } else {
      await page.locator('#log-note').focus();
    }
    await page.keyboard.type(text);
    assert.equal(await page.locator('#log-note').inputValue(), text, `the note "${text}" is as typed`);
    assert.equal(await page.locator('#logpanel input[name="outcome"]:checked').getAttribute('value'), 'connected',
      `typing "${first}…" in the note leaves the outcome alone`);
    const rung = await page.locator('#logpanel input[name="rung"]:checked').count();
    assert.equal(rung, viaRung ? 1 : 0, `typing "${first}…" in the note leaves the rung alone`);
    await page.keyboard.press('Enter');
    await saved(id);
    const { last } = await lastAttempt(id);
    assert.equal(last.note, text);
    assert.equal(last.outcome, 'connected');
    assert.equal(last.rung, viaRung ? settings.contact_ladder[3] : null);
    logged.add(id); attemptsToday += 1;
  }

  step('Log panel: a note typed right after the outcome key keeps its first letter');
  {
    const id = await selectedId();
    await page.keyboard.press('c');
    await page.locator('#logpanel').waitFor();
    await page.keyboard.type('needs a quote by friday');
    assert.equal(await page.locator('#log-note').inputValue(), 'needs a quote by friday');
    assert.equal(await page.locator('#logpanel input[name="outcome"]:checked').getAttribute('value'), 'connected');
    step('Log panel: Escape leaves the field, a second Escape closes the panel');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'logpanel', 'Escape leaves the note');
    assert.equal(await page.locator('#log-note').inputValue(), 'needs a quote by friday', 'the note is kept');
    await page.keyboard.press('v');
    assert.equal(await page.locator('#logpanel input[name="outcome"]:checked').getAttribute('value'), 'voicemail',
      'out of the field, v switches the outcome');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('#logpanel').waitFor({ state: 'detached' });
    assert.equal(await selectedId(), id, 'the same call stays selected');
  }

  step('Focus and selection are one: Tab and arrows move both, the keys act on the focused call');
  {
    const focusedIndex = () => page.evaluate(() => {
      const li = document.activeElement && document.activeElement.closest('li.call');
      return li ? Number(li.dataset.index) : -1;
    });
    await selected().locator('button').focus();
    const from = Number(await selected().getAttribute('data-index'));
    await page.keyboard.press('Tab');
    assert.equal(await focusedIndex(), from + 1, 'Tab moves the focus ring to the next call');
    assert.equal(Number(await selected().getAttribute('data-index')), from + 1, 'and the selection with it');
    await page.keyboard.press('Shift+Tab');
    assert.equal(Number(await selected().getAttribute('data-index')), from, 'Shift+Tab moves both back');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedIndex(), from + 1, 'ArrowDown moves the focus ring');
    assert.equal(Number(await selected().getAttribute('data-index')), from + 1, 'and the selection');
    const name = await selected().locator('.call-name').textContent();
    await page.keyboard.press('v');
    assert.equal(await page.locator('#logpanel').getAttribute('aria-label'), `Log call to ${name}`, 'v logs the focused call');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('#logpanel').waitFor({ state: 'detached' });
    await page.keyboard.press('ArrowUp');
  }

  step('A failed save keeps what was typed and says so in plain words; Enter saves once the server is back');
  {
    const id = await selectedId();
    await page.keyboard.press('c');
    await page.keyboard.press('2');
    await page.keyboard.type('server went away mid-save');
    await stopServer();
    // The app sends the save three times (same Idempotency-Key) before it gives up.
    for (let i = 0; i < 3; i++) allowConsole('ERR_CONNECTION_REFUSED');
    await page.keyboard.press('Enter');
    const err = page.locator('#log-error .error');
    await err.waitFor({ timeout: 15000 });
    const msg = await err.textContent();
    assert.ok(msg.includes("nextcall can't reach the server; your note is kept — press Enter to try again"), msg);
    assert.ok(!/failed to fetch/i.test(await visibleText(page)), 'no browser jargon on screen');
    assert.equal(await page.locator('#log-note').inputValue(), 'server went away mid-save', 'the note is kept');
    assert.equal(await page.locator('#logpanel input[name="rung"]:checked').getAttribute('value'), settings.contact_ladder[1], 'the rung is kept');
    await shot(page, '03c-today-save-failed');
    await startServer();
    await page.keyboard.press('Enter');
    await saved(id);
    const { last } = await lastAttempt(id);
    assert.equal(last.note, 'server went away mid-save');
    assert.equal(last.rung, settings.contact_ladder[1]);
    logged.add(id); attemptsToday += 1;
  }

  step('One place to finish a call: timer, rung, note, meeting booked, promises kept and moved, length');
  {
    // A call on the sheet with open promises.
    const plan = (await apiFromPage(page, 'GET', '/api/plan')).body;
    let target = null;
    for (const c of plan.calls) {
      if (logged.has(c.contact_id)) continue;
      const m = (await apiFromPage(page, 'GET', `/api/contacts/${c.contact_id}`)).body;
      const open = m.commitments.filter((x) => x.status === 'open');
      if (open.length) { target = { c, open }; break; }
    }
    assert.ok(target, 'the demo sheet has a call with open promises');
    const id = target.c.contact_id;
    await page.locator(`#sheet li.call[data-contact="${id}"] button`).click();
    await page.locator('#brief h2', { hasText: target.c.name }).waitFor();
    await page.locator('#log-outcomes, #brief-memory ul, #brief-memory p').first().waitFor();
    assert.ok((await page.locator('#last-call').textContent()).startsWith('Last call:'), 'the brief starts with the last call');
    if (target.c.last_call) {
      const lc = await page.locator('#last-call').textContent();
      assert.ok(lc.includes(target.c.last_call.your_time), `the last call's date in the rep's time: ${lc}`);
      assert.ok(lc.includes(target.c.last_call.outcome.replace(/_/g, ' ')), 'and its outcome');
    }
    await page.keyboard.press('d');
    await page.locator('#call-timer', { hasText: /On the call 0:0[1-9]/ }).waitFor({ timeout: 15000 });
    await page.keyboard.press('c');
    await page.locator('#log-commits select').first().waitFor();
    assert.match(await page.locator('#log-length').inputValue(), /^\d+:\d\d$/, 'the timer fills the length');
    await page.keyboard.press('2');
    await page.keyboard.type('meeting at their plant, bring samples');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'log-next', 'Tab reaches the next step');
    await page.locator('#log-next').selectOption('meeting');
    await page.locator('#log-meeting-at').fill('2026-12-10T10:00');
    await page.locator('#log-meeting-place').fill('their plant');
    await page.locator('#log-commit-0').selectOption('kept');
    if (target.open.length > 1) {
      await page.locator('#log-commit-1').selectOption('moved');
      await page.locator('#log-commit-1-due').fill('2026-12-04');
    }
    await page.locator('#log-length').fill('6:05');
    await shot(page, '03b-today-log-panel');
    await page.locator('#log-length').press('Enter');
    await saved(id);
    const { m, last } = await lastAttempt(id);
    assert.equal(last.rung, settings.contact_ladder[1]);
    assert.equal(last.duration_seconds, 365, 'the length as typed');
    assert.equal(last.note, 'meeting at their plant, bring samples');
    assert.ok(m.appointments.some((a) => a.place === 'their plant' && a.status === 'confirmed' && a.starts_at.startsWith('2026-12-10')),
      'the meeting is booked');
    assert.equal(m.commitments.find((x) => x.id === target.open[0].id).status, 'kept');
    if (target.open.length > 1) assert.equal(m.commitments.find((x) => x.id === target.open[1].id).due_on, '2026-12-04');
    logged.add(id); attemptsToday += 1;
  }

  step('The call timer: the dial key starts it and the length is filled from it');
  {
    const id = await selectedId();
    await page.keyboard.press('d');
    await page.locator('#call-timer', { hasText: /On the call 0:0[1-9]/ }).waitFor({ timeout: 15000 });
    await page.keyboard.press('v');
    const len = await page.locator('#log-length').inputValue();
    assert.match(len, /^0:\d\d$/);
    await page.keyboard.press('Enter');
    await saved(id);
    const { last } = await lastAttempt(id);
    assert.ok(last.duration_seconds >= 1, `the timed length is stored (${last.duration_seconds} s)`);
    logged.add(id); attemptsToday += 1;
  }

  step('Held voicemail times are on the brief, in the rep\'s time and the contact\'s');
  {
    const plan = (await apiFromPage(page, 'GET', '/api/plan')).body;
    const c = plan.calls.find((x) => !logged.has(x.contact_id) && x.timezone && x.timezone !== plan.rep.timezone)
      || plan.calls.find((x) => !logged.has(x.contact_id));
    const m = (await apiFromPage(page, 'GET', `/api/contacts/${c.contact_id}`)).body;
    if (!m.appointments.some((a) => a.status === 'proposed' && Date.parse(a.starts_at) / 1000 > plan.now)) {
      // A time left on an earlier voicemail: a tentative appointment.
      const r = await apiFromPage(page, 'POST', `/api/contacts/${c.contact_id}/appointments`,
        { starts_at: '2026-11-27 10:00', place: 'phone', duration_minutes: 30 });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    await page.reload();
    await page.locator('#main[data-ready="today"]').waitFor({ timeout: 20000 });
    await page.locator(`#sheet li.call[data-contact="${c.contact_id}"] button`).click();
    await page.locator('#held-times').waitFor({ timeout: 15000 });
    const t = await page.locator('#held-times').textContent();
    assert.match(t, /your time/, t);
    if (c.timezone !== plan.rep.timezone) assert.match(t, /their time/, t);
    assert.doesNotMatch(t, UTC_Z);
    await page.locator('#sheet li.call.selected button').focus();
  }

  step('The day is the server\'s: a reload shows the same calls done, with their outcomes');
  {
    const countText = await page.locator('#done-count').textContent();
    const mm = /^(\d+) of (\d+) done$/.exec(countText);
    assert.ok(mm, `the head says "N of M done": ${countText}`);
    assert.equal(Number(mm[1]), logged.size, 'every call logged is counted');
    await page.reload();
    await page.locator('#main[data-ready="today"]').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('#done-count').textContent(), countText, 'the same progress after a reload');
    assert.equal(await page.locator('#done-list li').count(), attemptsToday, 'every call logged today is in Done today');
    const doneIds = await page.locator('#done-list li').evaluateAll((els) => els.map((e) => Number(e.dataset.contact)));
    assert.deepEqual(new Set(doneIds), logged);
    for (const id of logged) {
      assert.equal(await page.locator(`#sheet li.call:not(.done)[data-contact="${id}"]`).count(), 0,
        `contact ${id}, called today, does not come back as a fresh call`);
    }
    assert.ok((await page.locator('#done-list').textContent()).includes('connected'), 'each done call shows its outcome');
    await shot(page, '04b-today-after-reload');
  }

  for (const [w, hgt] of [[1366, 768], [1440, 900]]) {
    step(`Everything for the live call on one screen at ${w}x${hgt}, selected and while logging`);
    const cx = await browser.newContext({ viewport: { width: w, height: hgt } });
    const p = await cx.newPage();
    watch(p, `${w}`);
    await signIn(p, base, 'sam@demo.nextcall');
    await p.locator('#brief h2').waitFor();
    const inView = async (when) => {
      // The brief is drawn again once the contact's memory arrives: measure after that.
      await p.locator('#brief-memory ul, #brief-memory p').first().waitFor({ timeout: 20000 });
      for (const sel of ['#brief h2', '#brief-phone', '#last-call', '#live-reason', '#live-opener', '#live-material',
        '#live-close', '#live-voicemail', '#live-gatekeeper']) {
        await p.locator(sel).waitFor({ timeout: 20000 });
        const b = await p.locator(sel).boundingBox();
        assert.ok(b, `${sel} is on screen ${when}`);
        assert.ok(b.y >= 0 && b.y + b.height <= hgt && b.x >= 0 && b.x + b.width <= w,
          `${sel} is inside the ${w}x${hgt} viewport ${when} (${JSON.stringify(b)})`);
      }
      const scrollX = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(scrollX <= 1, `no horizontal scroll (${scrollX}px)`);
    };
    await inView('with a call selected');
    const text = await visibleText(p);
    assert.doesNotMatch(text, INTERNAL, 'no internal words on screen');
    assert.doesNotMatch(text, UTC_Z, 'no UTC times on screen');
    await shot(p, `08-live-${w}x${hgt}`);
    await p.locator('#sheet li.call.selected button').focus();
    await p.keyboard.press('c');
    await p.locator('#logpanel').waitFor();
    await inView('while logging');
    await shot(p, `08-live-${w}x${hgt}-logging`);
    await p.keyboard.press('Escape');
    await p.keyboard.press('Escape');
    // Explanations one click away, in plain words too.
    await p.locator('#brief-why summary').click();
    const why = await p.locator('#brief-why').innerText();
    assert.ok(why.length > 40, 'the explanation opens');
    assert.doesNotMatch(why, INTERNAL, 'the explanation has no internal words');
    await cx.close();
  }

  step('On a phone (390x844): tapping a call brings its brief into view; the number is a large tap target');
  {
    const cx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const p = await cx.newPage();
    watch(p, 'phone');
    await signIn(p, base, 'sam@demo.nextcall');
    await p.locator('#brief h2').waitFor();
    const second = p.locator('#sheet li.call:not(.selected)').nth(1);
    const name = await second.locator('.call-name').textContent();
    await second.locator('button').tap();
    await p.locator('#brief h2', { hasText: name }).waitFor();
    await p.waitForFunction(() => {
      const b = document.getElementById('brief').getBoundingClientRect();
      return b.top >= -1 && b.top < window.innerHeight / 2;
    }, null, { timeout: 10000 });
    const phone = await p.locator('#brief-phone').boundingBox();
    assert.ok(phone && phone.height >= 44 && phone.width >= 200, `the number is a large tap target (${JSON.stringify(phone)})`);
    assert.ok(phone.y + phone.height <= 844, 'the number is on screen after the tap');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scroll at 390px (overflow ${overflow}px)`);
    await p.screenshot({ path: ctx.artifact('05b-today-phone-tapped.png') });
    await cx.close();
  }
}
