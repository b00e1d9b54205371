// The Contacts screen: search, filters, sortable columns and pages answered by the server;
// the contact page edits a field and sets do-not-call; the phone layout.
import assert from 'node:assert/strict';

export async function contacts(ctx) {
  const { browser, base, step, shot, signIn, apiFromPage, watch } = ctx;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  watch(page, 'contacts');
  await signIn(page, base, 'sam@demo.nextcall');
  const api = async (query) => (await apiFromPage(page, 'GET', `/api/contacts?with_total=1&${query}`)).body;
  const count = () => page.locator('#contacts-count').innerText();
  const rowIds = () => page.locator('#contacts-table tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.id)));
  const settle = async (query) => {
    const want = await api(query);
    const text = want.total ? `of ${want.total.toLocaleString('en-US')}` : 'No contacts match.';
    await page.waitForFunction(([t, first]) => {
      const c = document.querySelector('#contacts-count');
      const row = document.querySelector('#contacts-table tbody tr');
      return c && c.textContent.includes(t) && (first === null ? !row : row && Number(row.dataset.id) === first);
    }, [text, want.contacts.length ? want.contacts[0].id : null], { timeout: 15000 });
    return want;
  };

  step('Contacts: the whole book, 50 to a page, sorted by name');
  await page.locator('nav a', { hasText: 'Contacts' }).click();
  await page.locator('#main[data-ready="contacts"]').waitFor();
  const all = await settle('sort=name&limit=50');
  assert.ok(all.total > 50, `the demo book has more than a page (${all.total})`);
  assert.deepEqual(await rowIds(), all.contacts.map((c) => c.id), 'the first page is the server\'s');
  assert.match(await count(), /^1–50 of /);

  step('Contacts: the next page and back');
  await page.locator('#contacts-next').click();
  await settle('sort=name&limit=50&offset=50');
  assert.match(await count(), /^51–100 of /);
  assert.match(page.url(), /offset=50/, 'the page is in the address');
  await page.locator('#contacts-prev').click();
  await settle('sort=name&limit=50');

  step('Contacts: sort by name, descending');
  await page.locator('button.sort[data-sort="name"]').click();
  await settle('sort=name&order=desc&limit=50');
  await page.locator('button.sort[data-sort="name"]').click();
  await settle('sort=name&limit=50');

  step('Contacts: search by company, then by phone digits');
  const target = all.contacts.find((c) => c.company && (c.phones || []).length && c.owner === 'Sam Carter' && !c.do_not_call) || all.contacts[0];
  await page.getByLabel('Search name, company, phone or e-mail').fill(target.company);
  const byCompany = await settle(`sort=name&limit=50&q=${encodeURIComponent(target.company)}`);
  assert.ok(byCompany.total >= 1 && byCompany.total < all.total, 'the search narrows the list');
  assert.ok((await rowIds()).includes(target.id), 'the contact is found by company');
  const digits = target.phones[0].e164.slice(-7);
  await page.getByLabel('Search name, company, phone or e-mail').fill(digits);
  await settle(`sort=name&limit=50&q=${digits}`);
  assert.ok((await rowIds()).includes(target.id), 'the contact is found by phone digits');
  await page.getByLabel('Search name, company, phone or e-mail').fill('');
  await settle('sort=name&limit=50');

  step('Contacts: filters (stage, never called, time zone unknown)');
  await page.getByLabel('Stage').selectOption('customer');
  const customers = await settle('sort=name&limit=50&stage=customer');
  assert.ok(customers.total > 0 && customers.total < all.total, 'customers are some of the book');
  await page.getByLabel('Stage').selectOption('');
  await page.getByLabel('Never called').check();
  await settle('sort=name&limit=50&never_called=1');
  await page.getByLabel('Never called').uncheck();
  await page.getByLabel('Time zone unknown').check();
  await settle('sort=name&limit=50&missing_timezone=1');
  await page.getByLabel('Time zone unknown').uncheck();
  await settle('sort=name&limit=50');
  await shot(page, '14-contacts');

  step('Contact page: edit the title, add to today\'s calls and take off, set do-not-call with a reason');
  await page.locator(`#contacts-table tr[data-id="${target.id}"] a`).click();
  await page.locator('#main[data-ready="contact"]').waitFor();
  await page.locator('#details-form').getByLabel('Title').fill('Head of Purchasing (edited)');
  await page.locator('#details-form').getByRole('button', { name: 'Save details' }).click();
  await page.locator('.page-head', { hasText: 'Head of Purchasing (edited)' }).waitFor();
  let m = (await apiFromPage(page, 'GET', `/api/contacts/${target.id}`)).body;
  assert.equal(m.title, 'Head of Purchasing (edited)', 'the title is stored');
  assert.equal(m.first_name, target.first_name, 'fields not changed are left alone');
  // Added to today's calls from the contact's page, then taken off again.
  await page.locator('#queue-form').getByLabel('Priority').selectOption('high');
  await page.locator('#queue-form').getByRole('button', { name: "Add to today's calls" }).click();
  await page.locator('#queue-state', { hasText: 'high priority' }).waitFor();
  m = (await apiFromPage(page, 'GET', `/api/contacts/${target.id}`)).body;
  assert.equal(m.queued && m.queued.priority, 'high', 'on the calls added by hand');
  await page.locator('#queue-remove').click();
  await page.locator('#queue-form').waitFor();
  m = (await apiFromPage(page, 'GET', `/api/contacts/${target.id}`)).body;
  assert.equal(m.queued, null, 'taken off');
  await page.locator('#dnc-form').getByLabel('Reason (e.g. asked not to be called)').fill('asked by e-mail');
  await page.locator('#dnc-form').getByRole('button', { name: 'Set do-not-call' }).click();
  await page.locator('#dnc-state').waitFor();
  m = (await apiFromPage(page, 'GET', `/api/contacts/${target.id}`)).body;
  assert.equal(m.do_not_call, true);
  assert.equal(m.do_not_call_reason, 'asked by e-mail');
  await shot(page, '15-contact-edit');

  step('Contacts: the do-not-call filter lists the contact');
  await page.goto(`${base}/#/contacts?do_not_call=1`);
  await page.locator('#main[data-ready="contacts"]').waitFor();
  await settle('sort=name&limit=50&do_not_call=1');
  assert.ok((await rowIds()).includes(target.id));
  assert.equal(await page.getByLabel('Do not call').inputValue(), '1', 'the filter is read from the address');
  await context.close();

  step('Contacts at phone size (390x844)');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const pp = await phone.newPage();
  watch(pp, 'contacts-phone');
  await signIn(pp, base, 'sam@demo.nextcall');
  await pp.goto(`${base}/#/contacts`);
  await pp.locator('#main[data-ready="contacts"]').waitFor();
  await pp.locator('#contacts-table tbody tr').first().waitFor();
  await shot(pp, '14b-contacts-phone');
  const overflow = await pp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scroll at 390px (overflow ${overflow}px)`);
  // Nor inside the table: its columns fit, the company under the name.
  const inner = await pp.evaluate(() => { const t = document.querySelector('#contacts-table'); return t.scrollWidth - t.parentElement.clientWidth; });
  assert.ok(inner <= 1, `the contacts table fits a 390px screen (overflow ${inner}px)`);
  assert.ok(await pp.locator('#contacts-table tbody tr').first().locator('.only-phone').isVisible(), 'the company under the name');
  await pp.goto(`${base}/#/contact/${target.id}`);
  await pp.locator('#main[data-ready="contact"]').waitFor();
  await shot(pp, '15b-contact-phone');
  const overflow2 = await pp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow2 <= 1, `contact page: no horizontal scroll at 390px (overflow ${overflow2}px)`);
  await phone.close();
}
