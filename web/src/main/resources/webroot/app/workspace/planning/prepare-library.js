// Preparing a session from the content library (issue 16): the format's items (regional shelf and
// territories), and for a question bank which questions: all, those ticked, or N drawn at random per
// theme with a seeded shuffle. The session's setup command carries the chosen copy, and the settings
// record where it came from (item, version, questions, seed), so editing the library later changes
// no prepared or past session.
import { html, nothing } from 'lit';
import { randomSeed } from '../../random.js';
import { pt } from './messages.js';

/** A seeded generator (mulberry32 on the seed's low 32 bits) and a Fisher–Yates shuffle on it. */
export function seededShuffle(list, seed) {
  let a = Number(BigInt.asUintN(32, BigInt(seed)));
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const themeOf = (q) => (q.theme && q.theme.trim()) || '';

/** The question ids a pick keeps, in the bank's order. */
export function pickedIds(bank, pick) {
  const questions = bank?.questions ?? [];
  if (pick.mode === 'chosen') return questions.filter((q) => pick.chosen.includes(q.id)).map((q) => q.id);
  if (pick.mode === 'random') {
    const n = Math.max(1, Number(pick.perTheme) || 1);
    const keep = new Set();
    const themes = [...new Set(questions.map(themeOf))];
    for (const theme of themes) seededShuffle(questions.filter((q) => themeOf(q) === theme), pick.seed).slice(0, n).forEach((q) => keep.add(q.id));
    return questions.filter((q) => keep.has(q.id)).map((q) => q.id);
  }
  return questions.map((q) => q.id);
}

export const PICK_DEFAULT = { mode: 'all', chosen: [], perTheme: '3', seed: 0 };

/** The library items as options, the regional shelf first, then each territory. */
export function libraryOptions(items, selected) {
  const shelves = new Map();
  for (const i of items) {
    const key = i.territoryId ? i.territoryName ?? i.territoryId : pt('pl.lib.regional');
    if (!shelves.has(key)) shelves.set(key, []);
    shelves.get(key).push(i);
  }
  return [...shelves].map(([name, list]) => html`<optgroup label=${name}>
    ${list.map((i) => html`<option value=${i.id} ?selected=${selected === i.id}>${i.title} (${pt('pl.lib.version', { n: i.version })})</option>`)}</optgroup>`);
}

/** The question picker of a bank: `set(pick)` receives the new pick. */
export function quizPickFields(item, pick, set) {
  const questions = item?.content?.questions ?? [];
  if (!questions.length) return nothing;
  const kept = pickedIds(item.content, pick);
  const themes = [...new Set(questions.map(themeOf))];
  const mode = (m) => html`<label class="check"><input type="radio" name="pf-pick" value=${m} data-testid="pf-pick-${m}" .checked=${pick.mode === m}
    @change=${() => set({ ...pick, mode: m, chosen: m === 'chosen' && pick.chosen.length === 0 ? questions.map((q) => q.id) : pick.chosen,
      seed: m === 'random' && !pick.seed ? randomSeed() : pick.seed })}> ${pt(`pl.pick.${m}`)}</label>`;
  return html`<fieldset class="field" data-testid="pf-pick" aria-describedby="pf-pick-count">
    <legend>${pt('pl.pick.title')}</legend>
    ${mode('all')} ${mode('chosen')} ${mode('random')}
    ${pick.mode === 'chosen' ? html`<div class="planning__buttons">
        <button type="button" class="btn btn--secondary btn--small" data-testid="pf-pick-all-on" @click=${() => set({ ...pick, chosen: questions.map((q) => q.id) })}>${pt('pl.pick.tickAll')}</button>
        <button type="button" class="btn btn--secondary btn--small" data-testid="pf-pick-all-off" @click=${() => set({ ...pick, chosen: [] })}>${pt('pl.pick.untickAll')}</button></div>
      <ul class="planning__questions">${questions.map((q, i) => html`<li><label class="check"><input type="checkbox" data-testid="pf-question-${i}"
        .checked=${pick.chosen.includes(q.id)} @change=${(e) => set({ ...pick, chosen: e.target.checked ? [...pick.chosen, q.id] : pick.chosen.filter((x) => x !== q.id) })}>
        ${i + 1}. ${q.text}${themeOf(q) ? html` <span class="tag">${themeOf(q)}</span>` : nothing}</label></li>`)}</ul>` : nothing}
    ${pick.mode === 'random' ? html`<div class="field"><label for="pf-per-theme">${pt('pl.pick.perTheme')}</label>
        <input id="pf-per-theme" type="number" min="1" max="200" data-testid="pf-per-theme" .value=${pick.perTheme}
          @input=${(e) => set({ ...pick, perTheme: e.target.value })}>
        <p class="hint">${pt('pl.pick.themes', { n: themes.length })}</p></div>
      <button type="button" class="btn btn--secondary btn--small" data-testid="pf-pick-redraw" @click=${() => set({ ...pick, seed: randomSeed() })}>${pt('pl.pick.redraw')}</button>
      <ul class="planning__questions" data-testid="pf-drawn">${questions.filter((q) => kept.includes(q.id)).map((q) => html`<li>${q.text}</li>`)}</ul>` : nothing}
    <p id="pf-pick-count" role="status" data-testid="pf-pick-count">${pt('pl.pick.count', { n: kept.length, total: questions.length })}</p>
  </fieldset>`;
}

/** The bank the session gets: the item's content keeping the picked questions. */
export function pickedBank(item, pick) {
  const ids = new Set(pickedIds(item.content, pick));
  return { ...item.content, questions: item.content.questions.filter((q) => ids.has(q.id)) };
}

/** What the settings record about the library item a session was prepared from. */
export function libraryRecord(item, pick, format) {
  const record = { itemId: item.id, version: item.version, title: item.title };
  if (format === 'quiz') {
    record.questionIds = pickedIds(item.content, pick);
    record.pick = pick.mode === 'random' ? { mode: 'random', perTheme: Number(pick.perTheme) || 1, seed: pick.seed } : { mode: pick.mode };
  }
  return record;
}
