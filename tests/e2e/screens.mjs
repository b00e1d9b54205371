// The rest of the end-to-end walk: contact, reasons + brainstorm, changes, dashboard, import, coach, XSS.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

export async function rest(ctx) {
  const { allowResourceError, page, base, browser, step, shot, signIn, apiFromPage, watch } = ctx;

  step('Contact: memory, add a thread, history timeline');
  const planFirst = (await apiFromPage(page, 'GET', '/api/plan')).body.calls[0].contact_id;
  await page.goto(`${base}/#/contact/${planFirst}`);
  await page.locator('#main[data-ready="contact"]').waitFor();
  await page.locator('#thread-form').getByLabel('Topic').fill('moving to a new warehouse in March');
  await page.locator('#thread-form').getByRole('button', { name: 'Add thread' }).click();
  await page.locator('.mem-item strong', { hasText: 'moving to a new warehouse in March' }).waitFor();
  assert.ok(await page.locator('#timeline li').count() > 0, 'the history timeline has entries');

  step('Contact: a commitment kept, an objection, an appointment confirmed (stored as typed)');
  const memBefore = (await apiFromPage(page, 'GET', `/api/contacts/${planFirst}`)).body;
  await page.locator('#commitment-form').getByLabel('What').fill('send the revised quote');
  await page.locator('#commitment-form').getByLabel('Due').fill('2026-11-27');
  await page.locator('#commitment-form').getByRole('button', { name: 'Add commitment' }).click();
  await page.locator('.mem-item', { hasText: 'send the revised quote' }).waitFor();
  // A draft typed in another form survives the screen being drawn again after "Kept".
  await page.locator('#referral-form').getByLabel('Referred by').fill('Dana at Baker Foods');
  await page.locator('.mem-item', { hasText: 'send the revised quote' }).getByRole('button', { name: 'Kept' }).click();
  await page.locator('.mem-item', { hasText: 'send the revised quote' }).getByRole('button', { name: 'Kept' })
    .waitFor({ state: 'detached' });
  assert.equal(await page.locator('#referral-form').getByLabel('Referred by').inputValue(), 'Dana at Baker Foods',
    'a draft in another form is kept');
  await page.locator('#objection-form').getByLabel('Code (e.g. min_order_size)').fill('credit_terms');
  await page.locator('#objection-form').getByLabel('Detail').fill('needs 75-day terms on a first order');
  await page.locator('#objection-form').getByRole('button', { name: 'Add objection' }).click();
  await page.locator('.mem-item', { hasText: 'needs 75-day terms on a first order' }).waitFor();
  await page.locator('#appointment-form').getByLabel('Place').waitFor();
  await page.locator('#appointment-form').getByLabel('Starts (their time)').fill('2026-12-01T10:00');
  await page.locator('#appointment-form').getByLabel('Place').fill('their plant');
  await page.locator('#appointment-form').getByRole('button', { name: 'Add appointment' }).click();
  await page.locator('.mem-item', { hasText: 'their plant' }).waitFor();
  await page.locator('.mem-item', { hasText: 'their plant' }).getByRole('button', { name: 'Confirm' }).click();
  await page.locator('.mem-item', { hasText: 'their plant' }).getByRole('button', { name: 'Confirm' }).waitFor({ state: 'detached' });
  const mem = (await apiFromPage(page, 'GET', `/api/contacts/${planFirst}`)).body;
  const promise = mem.commitments.find((c) => c.what === 'send the revised quote');
  assert.ok(promise, 'the commitment is stored');
  assert.equal(promise.status, 'kept');
  assert.equal(promise.due_on, '2026-11-27');
  assert.ok(mem.objections.some((o) => o.code === 'credit_terms' && o.detail === 'needs 75-day terms on a first order'), 'the objection is stored');
  const meeting = mem.appointments.find((a) => a.place === 'their plant');
  assert.ok(meeting, 'the appointment is stored');
  assert.equal(meeting.status, 'confirmed');
  assert.equal(mem.appointments.length, memBefore.appointments.length + 1);
  await shot(page, '06-contact');

  step('Reasons: add a weak reason, see the value check, keep anyway');
  await page.goto(`${base}/#/reasons`);
  await page.locator('#main[data-ready="reasons"]').waitFor();
  await page.locator('#reason-list li').first().waitFor();
  await page.getByLabel('Reason text').fill('just checking in');
  allowResourceError(400); // the value check rejects it first
  await page.locator('#reason-form').getByRole('button', { name: 'Add reason' }).click();
  await page.locator('#reason-refusal li').first().waitFor();
  // The refusal is a readable list with rewrites, inside the page's width (it once widened it).
  assert.equal(await page.locator('#reason-msg pre').count(), 0, 'no preformatted error text');
  assert.ok(await page.locator('#reason-refusal li', { hasText: 'Try this:' }).count() >= 1, 'each problem says how to rewrite it');
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `the refusal does not widen the page (${widths[0]} > ${widths[1]})`);
  assert.ok(!/touch_base|about_us|no_benefit|seed \d|[^.]\.\.(\s|$)/.test(await page.locator('#reason-refusal').innerText()), 'no internal words on screen');
  await shot(page, '07a-reason-refused');
  await page.getByRole('button', { name: 'Keep anyway' }).click();
  await page.locator('#reason-msg .notice').waitFor();
  const weakId = Number((await page.locator('#reason-msg .notice').innerText()).match(/#(\d+)/)[1]);

  step('Brainstorm: start a round if needed, submit, see it on the board');
  const subText = 'our Denver warehouse now ships same day, so a breakdown at your plant is fixed by tomorrow morning';
  if (await page.locator('#round-form').count()) {
    await page.getByLabel('Round title').fill('Reasons for December');
    await page.getByRole('button', { name: 'Start a round' }).click();
  }
  await page.locator('#bs-form:not([hidden])').waitFor();
  await page.getByLabel('Your reason').fill(subText);
  await page.getByRole('button', { name: 'Submit to the round' }).click();
  await page.locator('#board-list .sub-text', { hasText: subText }).waitFor();
  await shot(page, '07-reasons');

  step('Maria (manager) scores Sam\'s submission in a second browser context');
  const mctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const maria = await mctx.newPage();
  watch(maria, 'maria');
  await signIn(maria, base, 'maria@demo.nextcall');
  await maria.goto(`${base}/#/reasons`);
  const item = maria.locator('#board-list .board-item', { hasText: subText });
  await item.waitFor();
  await item.getByRole('button', { name: 'Score 4 of 5' }).click();
  await item.locator('button[aria-pressed="true"]', { hasText: '4' }).waitFor();
  const board = (await apiFromPage(maria, 'GET', '/api/brainstorm')).body.board;
  const mine = board.reasons.find((r) => r.text === subText);
  assert.equal(mine.votes, 1, 'the score was recorded');

  step('Maria\'s team dashboard with rep picker');
  await maria.goto(`${base}/#/dashboard`);
  await maria.locator('#main[data-ready="dashboard"]').waitFor();
  assert.ok(await maria.locator('#dash-rep option').count() >= 3, 'the manager has a rep picker');
  await shot(maria, '08-dashboard-manager');
  await mctx.close();

  step('Sam sees the score arrive on the live board (refresh every 5 s)');
  await page.locator('#board-list .board-item', { hasText: subText }).getByText('1 vote').waitFor({ timeout: 8000 });
  assert.equal(await page.locator('#close-round').count(), 0, 'a rep cannot close the round');

  step('Maria closes the round: the accepted reason joins the library');
  const mctx2 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const maria2 = await mctx2.newPage();
  watch(maria2, 'maria');
  await signIn(maria2, base, 'maria@demo.nextcall');
  await maria2.goto(`${base}/#/reasons`);
  await maria2.locator('#close-round').click();
  await maria2.getByText(/Round closed: \d+ reasons? added/).waitFor();
  // The closed round's board stays in view, with what was added.
  await maria2.locator('#round-h', { hasText: 'Round closed' }).waitFor();
  await maria2.locator('#board-list li', { hasText: subText }).getByText('added to the library').waitFor();
  await shot(maria2, '07b-round-closed');
  const library = (await apiFromPage(maria2, 'GET', '/api/reasons')).body.reasons;
  assert.ok(library.some((r) => r.text === subText), 'the accepted submission is in the library');
  await mctx2.close();

  step('Sam retires his own reason (asked first), undoes it, and cannot retire the team\'s');
  await page.goto(`${base}/#/reasons`);
  await page.locator('#main[data-ready="reasons"]').waitFor();
  await page.locator('#reason-list li').first().waitFor();
  const before = (await apiFromPage(page, 'GET', '/api/reasons')).body.reasons;
  const others = before.filter((r) => r.author_id !== before.find((x) => x.id === weakId).author_id);
  assert.ok(others.length > 0, 'the library has reasons by others');
  assert.equal(await page.locator('#reason-list li', { hasText: others[0].text }).getByRole('button', { name: /^Retire/ }).count(), 0,
    'a rep is not offered to retire a reason by someone else');
  const own = page.locator('#reason-list li', { hasText: 'just checking in' });
  page.answerDialog = 'dismiss';
  await own.getByRole('button', { name: /^Retire/ }).click();
  assert.equal((await apiFromPage(page, 'GET', '/api/reasons')).body.reasons.length, before.length, 'dismissing the question retires nothing');
  page.answerDialog = 'accept';
  await own.getByRole('button', { name: /^Retire/ }).click();
  await page.locator('#retire-msg', { hasText: 'Reason retired' }).waitFor();
  const after = (await apiFromPage(page, 'GET', '/api/reasons?all=true')).body.reasons;
  assert.ok(after.find((r) => r.id === weakId).retired, 'the reason is retired');
  await page.locator('#undo-retire').click();
  await page.locator('#retire-msg', { hasText: 'Reason restored' }).waitFor();
  const restored = (await apiFromPage(page, 'GET', '/api/reasons')).body.reasons;
  assert.ok(restored.some((r) => r.id === weakId), 'undo puts it back');

  step('Changes: enter a change and see its recall list');
  await page.goto(`${base}/#/changes`);
  await page.locator('#main[data-ready="changes"]').waitFor();
  await page.getByLabel('Kind').selectOption('new_policy');
  await page.getByLabel('Title').fill('Minimum order is now 50 units');
  await page.getByLabel(/Resolves objections/).fill('min_order_size:>=50');
  await page.getByRole('button', { name: /Save change/ }).click();
  await page.locator('#change-result .recall-list li').first().waitFor();
  const recalled = await page.locator('#change-result .recall-list li').count();
  assert.ok(recalled >= 1, 'at least one contact to recall');
  console.log(`      ${recalled} contacts to recall`);
  await shot(page, '09-changes');

  step('Dashboard: SVG charts rendered');
  await page.goto(`${base}/#/dashboard`);
  await page.locator('#main[data-ready="dashboard"]').waitFor();
  for (const id of ['chart-reach', 'chart-funnel', 'chart-reasons']) {
    const bars = await page.locator(`#${id} rect.bar`).count();
    assert.ok(bars > 0, `${id} has bars`);
    assert.ok(await page.locator(`#${id} rect.bar title`).count() === bars, `${id} bars have titles`);
  }
  await shot(page, '10-dashboard');

  step('Import: an Excel file (Windows-1252, semicolons) with a bad row: dry run, then import the good rows');
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nextcall-csv-')), 'leads.csv');
  fs.writeFileSync(csv, Buffer.from('first_name;last_name;company;phone;email;timezone\r\n' +
    'Ana;M\xfcller;Foothill Foods;303-555-0100;ana@foothill.example;America/Denver\r\n' +
    'Ben;Ortiz;Foothill Foods;303-555-0101;not-an-email;Mars/Olympus\r\n' +
    'Cleo;Park;Foothill Foods;;cleo@foothill.example;America/Denver\r\n', 'latin1'));
  await page.goto(`${base}/#/import`);
  await page.locator('#import-file').setInputFiles(csv);
  await page.getByRole('button', { name: /dry run/ }).click();
  await page.locator('#import-mapping tbody tr').first().waitFor();
  assert.ok(await page.locator('#import-preview tbody tr').count() >= 1, 'preview rows');
  assert.match(await page.locator('#import-preview').textContent(), /Ana Müller/);
  assert.match(await page.locator('#import-read-as').textContent(), /Windows-1252.*";"/);
  // Every problem of the bad row, not just the first; the rows left out as a CSV with the
  // reason; a row without a phone number imported with a warning.
  const problems = await page.locator('#import-problems li').allTextContents();
  assert.ok(problems.some((t) => /leads\.csv:3:.*email.*not-an-email/.test(t)), problems.join(' | '));
  assert.ok(problems.some((t) => /leads\.csv:3:.*timezone.*Mars\/Olympus/.test(t)), problems.join(' | '));
  assert.match(await page.locator('#import-confirm').textContent(), /leave out the 1 with errors/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#import-rejects').click()]);
  assert.equal(download.suggestedFilename(), 'leads-rejected.csv');
  const rejected = fs.readFileSync(await download.path(), 'utf8');
  const lines = rejected.trim().split(/\r?\n/);
  assert.equal(lines.length, 2, `a header and the one bad row: ${rejected}`);
  assert.match(lines[1], /^Ben,Ortiz,.*not-an-email.*leads\.csv:3:.*email.*;.*timezone/);
  assert.doesNotMatch(rejected, /nextcall-upload/, 'the reasons name the file as the rep knows it');
  assert.match(await page.locator('#import-warnings').textContent(), /leads\.csv:4: Cleo Park has no phone number/);
  await shot(page, '11-import');
  await page.locator('#import-confirm').click();
  await page.locator('#import-result .notice').waitFor();
  const imported = (await apiFromPage(page, 'GET', '/api/contacts?q=Foothill')).body;
  assert.deepEqual(imported.map((c) => c.name).sort(), ['Ana Müller', 'Cleo Park'], 'the good rows only, names intact');

  step('Import result: its contacts listed by import, ticked and added to today\'s calls at the top');
  await page.locator('#import-list').click();
  await page.locator('#contacts-import').waitFor();
  assert.match(await page.locator('#contacts-import').textContent(), /Imported from leads\.csv on .* by Sam Carter: 2 contacts added/);
  await page.locator('#contacts-table tbody tr').nth(1).waitFor();
  assert.equal(await page.locator('#contacts-table tbody tr').count(), 2, 'just the two this import added');
  assert.match(await page.locator('#contacts-import-filter option:checked').textContent(), /leads\.csv/);
  await page.locator('#contacts-pick-page').check();
  assert.equal(await page.locator('#queue-add').textContent(), "Add 2 to today's calls");
  await page.locator('#queue-priority').selectOption('top');
  await page.locator('#queue-add').click();
  await page.locator('#queue-report').waitFor();
  assert.match(await page.locator('#queue-report .notice').textContent(), /Added 1 to today's calls/);
  assert.match(await page.locator('#queue-skipped').textContent(), /Cleo Park — no phone number/);
  await page.locator('#contacts-table .badge.queued').first().waitFor();
  await shot(page, '11b-import-added-to-calls');
  const ana = imported.find((c) => c.name === 'Ana Müller');
  await page.locator('#queue-open-today').click();
  await page.locator(`#sheet li.call[data-contact="${ana.id}"]`).waitFor({ timeout: 15000 });
  await page.locator(`#sheet li.call[data-contact="${ana.id}"] button`).click();
  await page.locator('#brief', { hasText: 'you added them to your calls today, to call first' }).waitFor({ timeout: 15000 });
  // The contact imported without a number says so on its page.
  const cleo = imported.find((c) => c.name === 'Cleo Park');
  await page.goto(`${base}/#/contact/${cleo.id}`);
  await page.locator('#no-phone').waitFor();
  fs.rmSync(path.dirname(csv), { recursive: true, force: true });

  step('Coach: seed 002\'s call shows its findings on the turns, with the figures');
  await page.goto(`${base}/#/coach`);
  await page.locator('#coach-file').setInputFiles(path.join(repo, 'tests', 'coach_corpus', 'tune', 't01_seed002.txt'));
  await page.getByRole('button', { name: 'Coach this call' }).click();
  await page.locator('#coach-turns li').first().waitFor();
  const flagged = page.locator('#coach-turns li.flagged');
  assert.ok(await flagged.count() >= 1, 'at least one turn is highlighted');
  assert.ok(await page.locator('#coach-turns li.flagged .finding', { hasText: 'missed walk through' }).count() >= 1,
    'the missed walk-through is shown on its turn');
  assert.ok((await page.locator('#coach-result').textContent()).includes('of the talking was yours'), 'the figures are shown');
  await shot(page, '12-coach-findings');

  step('Coach: tick the memory and apply it to a contact');
  await page.goto(`${base}/#/coach`);
  const target = (await apiFromPage(page, 'GET', `/api/contacts/${planFirst}`)).body;
  await page.locator('#coach-file').setInputFiles(path.join(repo, 'tests', 'coach_corpus', 'tune', 't05_new_line_thread.txt'));
  await page.getByLabel(/^Contact/).fill(target.last_name);
  await page.locator(`#coach-contact option[value="${planFirst}"]`).waitFor({ state: 'attached' });
  await page.locator('#coach-contact').selectOption(String(planFirst));
  await page.getByRole('button', { name: 'Coach this call' }).click();
  await page.locator('#coach-memory input[type=checkbox]').first().waitFor();
  const boxes = page.locator('#coach-memory input[type=checkbox]');
  const n = await boxes.count();
  assert.ok(n >= 2, 'memory items to tick');
  await boxes.nth(n - 1).uncheck();  // keep all but the last
  await page.locator('#coach-apply').click();
  await page.getByText('Applied to the contact').waitFor();
  const afterCoach = (await apiFromPage(page, 'GET', `/api/contacts/${planFirst}`)).body;
  const added = (afterCoach.threads.length - target.threads.length) + (afterCoach.commitments.length - target.commitments.length);
  assert.equal(added, n - 1, 'exactly the ticked items were written to the contact');
  await shot(page, '12-coach');

  step('XSS: a contact named like markup shows as text');
  const evil = '<img src=x onerror=alert(1)>';
  const created = await apiFromPage(page, 'POST', '/api/contacts', { first_name: evil, last_name: 'Tester', company: '<b>Bold</b> Inc', timezone: 'America/Denver' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const cid = created.body.id || (created.body.contact && created.body.contact.id);
  await page.goto(`${base}/#/contact/${cid}`);
  await page.locator('#main[data-ready="contact"]').waitFor();
  const shown = await page.locator('#contact-name').textContent();
  assert.ok(shown.includes(evil), `the name is shown as text: ${shown}`);
  assert.equal(await page.locator('#main img').count(), 0, 'no img element was created');
  await shot(page, '13-contact-xss');
}
