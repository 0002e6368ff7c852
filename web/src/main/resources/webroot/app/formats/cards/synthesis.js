import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/bar-chart.js';
import { t, tn } from '../../i18n/index.js';
import { aggregateView, tallyItems } from './shared.js';

/** Synthesis: every round (cards, players, aggregated grid), the structures and schemes cited most, the players' feelings without names. */
class CardsSynthesis extends FormatElement {
  render() {
    const r = this.results ?? {};
    const rounds = r.rounds ?? [];
    if (!rounds.length) return html`<p class="muted" data-testid="synth-no-rounds">${t('cards.synthesis.none')}</p>`;
    return html`<div class="stack" data-testid="cards-synthesis">
      <p>${r.deckTitle} · <strong data-testid="synth-rounds-played">${tn('cards.roundsPlayed', r.roundsPlayed ?? rounds.length)}</strong></p>
      <div class="cards-two">
        <section data-testid="synth-top-structures">
          <h3 class="panel__subtitle">${t('cards.synthesis.topStructures')}</h3>
          ${r.topStructures?.length ? html`<bar-chart .items=${tallyItems(r.topStructures.slice(0, 10))} testid="synth-structures-bar"></bar-chart>` : html`<p class="muted">—</p>`}
        </section>
        <section data-testid="synth-top-schemes">
          <h3 class="panel__subtitle">${t('cards.synthesis.topSchemes')}</h3>
          ${r.topSchemes?.length ? html`<bar-chart .items=${tallyItems(r.topSchemes.slice(0, 10))} testid="synth-schemes-bar"></bar-chart>` : html`<p class="muted">—</p>`}
        </section>
      </div>
      ${r.feelings?.length ? html`<section data-testid="synth-feelings">
        <h3 class="panel__subtitle">${t('cards.synthesis.feelings')}</h3>
        <ul class="synth-feelings">
          ${r.feelings.map((f) => html`<li><strong>${t(`cards.role.${f.role}`)}</strong> : ${f.text}</li>`)}
        </ul>
      </section>` : nothing}
      <ol class="synth-questions">
        ${rounds.map((x, i) => html`<li class="synth-question" data-testid="synth-round-${i}">
          <h3>${t('cards.roundN', { n: x.number })} — ${t('cards.caseCard', { n: x.caseNumber ?? '?' })} ${x.caseTitle ?? ''}</h3>
          <p class="muted">${t('cards.structureCard')} : ${x.structureName ?? '—'} ·
            ${t('cards.players', { counsellor: x.counsellor ?? '?', beneficiary: x.beneficiary ?? '?' })}</p>
          ${aggregateView({ grids: x.grids, paper: x.paperGrids, fields: x.grid ?? [] }, { testid: `synth-round-${i}-grid` })}
        </li>`)}
      </ol>
    </div>`;
  }
}

customElements.define('cards-synthesis', CardsSynthesis);
