// Print and play (issue 16, item 6): a "Jeu de cartes SPRO" deck as A4 pages of cards with cut
// marks (six a page), each case card on its own, the beneficiary's private briefing on a separate
// card of the same number, the structure cards, a facilitation sheet and the observation grid.
// Pure templates: the print page (/app/print/print.js) chooses what to show.
import { html, nothing } from 'lit';
import { prt } from '../../print/messages.js';

const PER_PAGE = 6;

/** Cards in pages of six (2 × 3 on A4), so that a card never breaks across two sheets. */
function pages(cards, testid) {
  const out = [];
  for (let i = 0; i < cards.length; i += PER_PAGE) out.push(cards.slice(i, i + PER_PAGE));
  return out.map((page) => html`<section class="print-page print-cards" data-testid=${testid}>${page}</section>`);
}

function qr(session) {
  if (!session?.code) return nothing;
  return html`<div class="print-card__qr">
    <img src="/api/sessions/${encodeURIComponent(session.code)}/qr.svg" alt=${prt('pr.qr', { code: session.code })}>
    <span>${prt('pr.qrHint', { code: session.code })}</span></div>`;
}

export function caseCards(deck, session) {
  return pages((deck.cases ?? []).map((c) => html`
    <article class="print-card print-card--case ${session?.code ? 'print-card--qr' : ''}" data-testid="print-case-${c.number}">
      <p class="print-card__kind">${prt('pr.caseCard', { n: c.number })}</p>
      <p class="print-card__number" aria-hidden="true">${c.number}</p>
      <h2 class="print-card__title">${c.title}</h2>
      <p class="print-card__text">${c.situation}</p>
      <p class="print-card__foot">${prt('pr.readAloud')}</p>
      ${qr(session)}
    </article>`), 'print-cases');
}

export function briefingCards(deck) {
  return pages((deck.cases ?? []).filter((c) => c.briefing).map((c) => html`
    <article class="print-card print-card--briefing" data-testid="print-briefing-${c.number}">
      <p class="print-card__kind">${prt('pr.briefingCard', { n: c.number })}</p>
      <p class="print-card__number" aria-hidden="true">${c.number}</p>
      <h2 class="print-card__title">${prt('pr.briefingFor')}</h2>
      <p class="print-card__text">${c.briefing}</p>
    </article>`), 'print-briefings');
}

export function structureCards(deck) {
  return pages((deck.structures ?? []).map((s) => html`
    <article class="print-card print-card--structure" data-testid="print-structure-${s.id}">
      <p class="print-card__kind">${prt('pr.structureCard')}</p>
      <h2 class="print-card__title">${s.name}</h2>
      ${s.missions ? html`<h3 class="print-card__label">${prt('pr.missions')}</h3><p class="print-card__text">${s.missions}</p>` : nothing}
      ${s.publics ? html`<h3 class="print-card__label">${prt('pr.publics')}</h3><p class="print-card__text">${s.publics}</p>` : nothing}
    </article>`), 'print-structures');
}

export function facilitatorSheet(deck) {
  const name = (id) => (deck.structures ?? []).find((s) => s.id === id)?.name ?? id;
  return html`<section class="print-page print-sheet" data-testid="print-facilitator">
    <h2>${prt('pr.facilitatorSheet', { title: deck.title })}</h2>
    ${deck.rules?.length ? html`<h3>${prt('pr.rules')}</h3><ul>${deck.rules.map((r) => html`<li>${r}</li>`)}</ul>` : nothing}
    <table class="print-table">
      <thead><tr><th scope="col">${prt('pr.fac.case')}</th><th scope="col">${prt('pr.fac.notes')}</th>
        <th scope="col">${prt('pr.fac.doors')}</th><th scope="col">${prt('pr.fac.schemes')}</th></tr></thead>
      <tbody>${(deck.cases ?? []).map((c) => html`<tr>
        <th scope="row">${c.number}. ${c.title}</th><td>${c.notes ?? ''}</td>
        <td>${(c.structures ?? []).map(name).join(', ')}</td><td>${(c.schemes ?? []).join(', ')}</td></tr>`)}</tbody>
    </table></section>`;
}

function gridField(deck, f) {
  if (f.kind === 'card') {
    return html`<div class="print-field print-field--inline"><span class="print-field__label">${f.label}</span><span class="print-line print-line--short"></span></div>`;
  }
  if (f.kind === 'structures') {
    return html`<fieldset class="print-field"><legend class="print-field__label">${f.label}</legend>
      <ul class="print-boxes">${(deck.structures ?? []).map((s) => html`<li><span class="print-box"></span>${s.name}</li>`)}</ul></fieldset>`;
  }
  const lines = f.kind === 'text' ? 3 : 3;
  return html`<div class="print-field"><p class="print-field__label">${f.label}</p>
    ${f.hint ? html`<p class="print-field__hint">${f.hint}</p>` : nothing}
    ${Array.from({ length: lines }, () => html`<span class="print-line"></span>`)}</div>`;
}

export function gridSheets(deck, copies, session) {
  const one = html`<section class="print-page print-sheet print-grid" data-testid="print-grid">
    <h2>${prt('pr.grid.title', { title: deck.title })}</h2>
    <div class="print-field print-field--inline"><span class="print-field__label">${prt('pr.grid.round')}</span><span class="print-line print-line--short"></span></div>
    ${(deck.grid ?? []).map((f) => gridField(deck, f))}
    <p class="print-field__hint">${prt('pr.grid.paper')}${session?.code ? ` ${prt('pr.qrHint', { code: session.code })}` : ''}</p>
  </section>`;
  return Array.from({ length: Math.max(0, copies) }, () => one);
}
