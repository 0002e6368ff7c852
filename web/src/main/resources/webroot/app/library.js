// A format's content library on the server (decks, question banks, challenge kits), at
// /api/formats/<format>/library: one client for every console that picks, imports or exports.
import { saveFile } from './util.js';

const base = (format) => `/api/formats/${format}/library`;

async function checked(response) {
  if (!response.ok) throw new Error(String(response.status));
  return response;
}

/** The built-in items: [{id, title, …}]. */
export async function libraryCatalogue(format) {
  return (await checked(await fetch(base(format)))).json();
}

/** One built-in item, whole. */
export async function libraryItem(format, id) {
  return (await checked(await fetch(`${base(format)}/${encodeURIComponent(id)}`))).json();
}

/** A file's text read by the server: {ok: true, content} or {ok: false, problems: [{line, message}]} (or {error}). */
export async function parseLibraryText(format, text, kind = 'yaml') {
  const response = await fetch(`${base(format)}/parse?kind=${kind}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset=utf-8', Accept: 'application/json' },
    body: text,
    cache: 'no-store',
  });
  return response.json();
}

/** Downloads an item as a file the library can import again (YAML, or CSV where the format has it). */
export async function exportLibraryItem(format, item, filename, kind = 'yaml') {
  const response = await checked(
    await fetch(`${base(format)}/export?kind=${kind}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(item),
      cache: 'no-store',
    }),
  );
  saveFile(new Blob([await response.text()], { type: kind === 'csv' ? 'text/csv' : 'application/yaml' }), filename);
}
