// "Jeu de cartes SPRO": two volunteers play a counsellor and a person seeking help on a drawn case
// card and structure card; the others observe with a grid; then the players' feelings and the
// aggregated grids on the projector. The beneficiary's briefing only ever reaches the beneficiary's
// phone and the console (the server decides what each view holds).
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import { t, tn, formatNumber } from '../../i18n/index.js';

export const stageLabel = (stage) => t(`cards.stage.${stage}`);
export const roleLabel = (role) => t(`cards.role.${role}`);

export function caseCard(card, { testid = 'case-card', heading = 'h3' } = {}) {
  if (!card) return nothing;
  const title = heading === 'h2'
    ? html`<h2 class="cards-card__title" data-testid="${testid}-title">${card.title}</h2>`
    : html`<h3 class="cards-card__title" data-testid="${testid}-title">${card.title}</h3>`;
  return html`<article class="cards-card" data-testid=${testid} data-number=${card.number}>
    <p class="cards-card__kicker">${t('cards.caseCard', { n: card.number })}</p>
    ${title}
    <p data-testid="${testid}-situation">${card.situation}</p>
  </article>`;
}

export function structureCard(s, { testid = 'structure-card' } = {}) {
  if (!s) return nothing;
  return html`<article class="cards-card cards-card--structure" data-testid=${testid} data-id=${s.id}>
    <p class="cards-card__kicker">${t('cards.structureCard')}</p>
    <h3 class="cards-card__title" data-testid="${testid}-name">${s.name}</h3>
    <p><strong>${t('cards.missions')}</strong> ${s.missions}</p>
    <p><strong>${t('cards.publics')}</strong> ${s.publics}</p>
  </article>`;
}

export function rulesList(rules, testid = 'rules') {
  if (!rules?.length) return nothing;
  return html`<ol class="cards-rules" data-testid=${testid}>${rules.map((r) => html`<li>${r}</li>`)}</ol>`;
}

export function tallyItems(tally) {
  return (tally ?? []).map((x) => ({ label: x.label, value: x.count }));
}

/** The aggregated grids: tallies as bars (doors) or counted lists, free texts as quotes. */
export function aggregateView(aggregate, { testid = 'aggregate' } = {}) {
  if (!aggregate) return nothing;
  if (!aggregate.grids) return html`<p class="muted" data-testid="${testid}-empty">${t('cards.aggregate.none')}</p>`;
  return html`<div class="stack" data-testid=${testid} data-grids=${aggregate.grids}>
    <p class="muted" data-testid="${testid}-count">${tn('cards.grids', aggregate.grids)}${aggregate.paper ? ` (${tn('cards.paperOf', aggregate.paper)})` : ''}</p>
    <div class="cards-fields">
    ${aggregate.fields.map((f) => {
      if (f.kind === 'text') {
        if (!f.texts?.length) return nothing;
        return html`<section data-testid="${testid}-${f.id}">
          <h3 class="panel__subtitle">${f.label}</h3>
          <ul class="comments">${f.texts.map((x) => html`<li class="comment">${x}</li>`)}</ul>
        </section>`;
      }
      if (!f.tally?.length) return nothing;
      if (f.kind === 'structures') {
        return html`<section data-testid="${testid}-${f.id}">
          <h3 class="panel__subtitle">${f.label}</h3>
          <bar-chart .items=${tallyItems(f.tally)} .base=${aggregate.grids} testid="${testid}-${f.id}-bar"></bar-chart>
        </section>`;
      }
      return html`<section data-testid="${testid}-${f.id}">
        <h3 class="panel__subtitle">${f.label}</h3>
        <ul class="cards-tally">
          ${f.tally.map((x) => html`<li><span>${x.label}</span>${x.count > 1 ? html`<span class="cards-tally__n">× ${formatNumber(x.count)}</span>` : nothing}</li>`)}
        </ul>
      </section>`;
    })}
    </div>
  </div>`;
}
