import { h, mount, field, announce, errorBox } from '../dom.js';
import { api } from '../api.js';

export function renderImport(main) {
  const file = field('CSV file of contacts', { id: 'import-file', name: 'file', accept: '.csv,text/csv' }, 'file');
  const dup = field('If a contact already exists', { id: 'import-dup' }, 'select', [['fail', 'Stop with an error'], ['skip', 'Skip it'], ['update', 'Update it']]);
  const out = h('div', { id: 'import-result', 'aria-live': 'polite' });
  let bytes = null;  // the file as it is: the server reads UTF-16 and Windows-1252 exports too
  let name = '';
  const form = h('form', { class: 'card', id: 'import-form' },
    h('h2', null, 'Upload'), h('p', { class: 'small muted' }, 'Nothing is written until you confirm: the upload first runs as a dry run.'),
    file, dup, h('button', { type: 'submit', class: 'primary' }, 'Check file (dry run)'));

  async function send(dryRun, skipBad) {
    const q = new URLSearchParams({ name, on_duplicate: dup.input.value });
    if (dryRun) q.set('dry_run', 'true');
    if (skipBad) q.set('skip_bad', 'true');
    return api('POST', `/api/import/contacts?${q}`, bytes, { contentType: 'text/csv' });
  }

  function show(r) {
    // An import is all or nothing: with bad rows, confirming imports the good ones and leaves
    // the bad ones out, and says so on the button.
    const bad = r.rejected || 0;  // rows, each with one problem or more
    const good = r.created + r.updated;
    const label = bad
      ? `Import the ${good} good row${good === 1 ? '' : 's'} and leave out the ${bad} with errors`
      : `Confirm import of ${good} contact${good === 1 ? '' : 's'}`;
    const confirm = h('button', { type: 'button', class: 'primary', id: 'import-confirm', onclick: async () => {
      confirm.disabled = true;
      try {
        const done = await send(false, bad > 0);
        mount(out, h('div', { class: 'card' }, h('p', { class: done.written ? 'notice' : 'error' },
          done.written
            ? `Imported: ${done.created} created, ${done.updated} updated, ${done.skipped} skipped, ${done.rejected} left out.`
            : 'Nothing was imported: fix the rows with errors and check the file again.'),
          // The contacts this import added, as a list to look over or add to today's calls.
          done.written && done.import_id ? h('p', null, h('a', { id: 'import-list', href: `#/contacts?import=${done.import_id}` },
            `See the ${done.created} imported contact${done.created === 1 ? '' : 's'} →`)) : null));
        announce(done.written ? 'Import finished' : 'Nothing was imported');
      } catch (ex) { confirm.disabled = false; mount(out, errorBox(ex)); }
    } }, label);
    mount(out, h('div', { class: 'card stack' },
      h('h2', null, 'Dry run'),
      h('p', null, `${r.read} rows read: ${r.created} new, ${r.updated} to update, ${r.skipped} skipped, ${r.rejected} with errors.`),
      r.encoding && (r.encoding !== 'UTF-8' || r.delimiter !== ',')
        ? h('p', { class: 'small muted', id: 'import-read-as' },
          `Read as ${r.encoding}, fields separated by ${r.delimiter === '\t' ? 'tabs' : `"${r.delimiter}"`}.`)
        : null,
      h('div', null, h('h3', null, 'Column mapping'),
        h('table', { id: 'import-mapping' }, h('thead', null, h('tr', null, h('th', null, 'Column in file'), h('th', null, 'Field'))),
          h('tbody', null, (r.mapping || []).map((m) => h('tr', null, h('td', null, m.column), h('td', null, m.field))),
            (r.unmapped || []).map((c) => h('tr', null, h('td', null, c), h('td', { class: 'muted' }, 'not imported')))))),
      h('div', null, h('h3', null, `Errors (${(r.problems || []).length} in ${r.rejected} row${r.rejected === 1 ? '' : 's'})`),
        (r.problems || []).length ? h('ul', { class: 'plain', id: 'import-problems' }, r.problems.map((p) => h('li', { class: 'small' }, p.text || p.message)))
          : h('p', { class: 'muted small' }, 'No errors.'),
        // The rows a real run leaves out, as they were, with a reason column: fix and send again.
        r.rejected_csv ? h('p', null, h('a', {
          id: 'import-rejects', download: `${(name || 'import').replace(/\.csv$/i, '')}-rejected.csv`,
          href: URL.createObjectURL(new Blob([r.rejected_csv], { type: 'text/csv' })),
        }, `Download the ${r.rejected} rejected row${r.rejected === 1 ? '' : 's'} (CSV, with the reason)`)) : null),
      (r.warnings || []).length ? h('div', null, h('h3', null, `Warnings (${r.warnings.length})`),
        h('ul', { class: 'plain', id: 'import-warnings' }, r.warnings.map((w) => h('li', { class: 'small' }, w)))) : null,
      (r.duplicates || []).length ? h('div', null, h('h3', null, 'Duplicates'), h('ul', { class: 'small' }, r.duplicates.map((d) => h('li', null, typeof d === 'string' ? d : JSON.stringify(d))))) : null,
      h('div', null, h('h3', null, 'Preview'),
        h('div', { class: 'scroll-x' }, h('table', { id: 'import-preview' },
          h('thead', null, h('tr', null, ['Name', 'Title', 'Role', 'Phone', 'Email', 'Time zone'].map((x) => h('th', null, x)))),
          h('tbody', null, (r.preview || []).map((c) => h('tr', null, h('td', null, c.name), h('td', null, c.title || ''), h('td', null, String(c.role || '').replace(/_/g, ' ')),
            h('td', null, c.phones && c.phones[0] ? c.phones[0].display : ''), h('td', null, c.email), h('td', null, c.timezone))))))),
      r.created + r.updated > 0 ? confirm : h('p', { class: 'muted' }, 'Nothing to import.')));
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = file.input.files[0];
    if (!f) { mount(out, errorBox({ message: 'Choose a CSV file first.' })); return; }
    name = f.name;
    bytes = await f.arrayBuffer();
    try { show(await send(true)); announce('Dry run ready'); } catch (ex) { mount(out, errorBox(ex)); }
  });

  mount(main, h('div', { class: 'page-head' }, h('h1', null, 'Import contacts')), h('div', { class: 'stack' }, form, out));
  main.dataset.ready = 'import';
}
