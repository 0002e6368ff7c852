import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import '../../components/count-down.js';
import { t, tn, formatNumber } from '../../i18n/index.js';
import { aggregateView, caseCard, rulesList, stageLabel, structureCard } from './shared.js';

/** Projector: rules and volunteers, then the two cards and the timer, then the aggregated grids. */
class CardsScreen extends FormatElement {
  render() {
    const a = this.activity ?? {};
    if (!a.deckTitle) {
      return html`<section class="screen-panel screen-panel--center" data-testid="cards-waiting"><p class="screen-lead">${t('cards.screen.noDeck')}</p></section>`;
    }
    const r = a.round;
    if (!r || (r.stage === 'SETUP' && !r.card && !r.counsellor)) return this._renderIntro(a, r);
    return html`<section class="screen-panel cards-screen" data-testid="cards-screen-round" data-stage=${r.stage}>
      <div class="poll-screen__meta">
        <span class="badge" data-testid="cards-stage">${t('cards.roundN', { n: r.number })} · ${stageLabel(r.stage)}</span>
        ${r.stage === 'SCENE' && r.deadline && !r.timeUp ? html`<count-down .deadline=${r.deadline}></count-down>` : nothing}
        ${r.stage === 'SCENE' && r.timeUp ? html`<span class="cards-timeup" data-testid="cards-timeup">${t('cards.timeUp')}</span>` : nothing}
      </div>
      ${r.counsellor
        ? html`<p class="cards-players" data-testid="cards-players">${t('cards.players', { counsellor: r.counsellor, beneficiary: r.beneficiary })}</p>`
        : nothing}
      ${r.stage === 'DEBRIEF' ? this._renderDebrief(a, r) : this._renderScene(a, r)}
    </section>`;
  }

  _renderIntro(a, r) {
    const volunteers = a.volunteers ?? [];
    return html`<section class="screen-panel cards-screen" data-testid="cards-intro">
      <h2 class="screen-question">${a.deckTitle}</h2>
      ${r ? html`<p class="screen-lead" data-testid="cards-stage">${t('cards.roundN', { n: r.number })} · ${t('cards.screen.volunteersWanted')}</p>` : nothing}
      <h3 class="panel__subtitle">${t('cards.rules')}</h3>
      ${rulesList(a.rules, 'screen-rules')}
      <h3 class="panel__subtitle">${t('cards.screen.volunteers')} (${formatNumber(volunteers.length)})</h3>
      ${volunteers.length
        ? html`<ul class="cloud" data-testid="cards-volunteers">${volunteers.map((n) => html`<li class="cloud__name">✋ ${n}</li>`)}</ul>`
        : html`<p class="muted">${t('cards.screen.raiseHint')}</p>`}
    </section>`;
  }

  _renderScene(a, r) {
    return html`<div class="cards-two">
        ${r.card ? caseCard(r.card, { testid: 'screen-case-card', heading: 'h2' }) : html`<p class="screen-lead">${t('cards.screen.drawing')}</p>`}
        ${structureCard(r.structure, { testid: 'screen-structure-card' })}
      </div>
      ${r.stage === 'FEELINGS' ? html`<p class="screen-lead" data-testid="cards-feelings-lead">${t('cards.screen.feelings')}</p>` : nothing}
      ${r.stage === 'SCENE' || r.stage === 'FEELINGS'
        ? html`<p class="screen-answered" data-testid="cards-grids-count">${tn('cards.gridsInProgress', r.grids ?? 0)}</p>`
        : nothing}
      <details open>
        <summary>${t('cards.rules')}</summary>
        ${rulesList(a.rules, 'screen-rules')}
      </details>`;
  }

  _renderDebrief(a, r) {
    return html`<p class="cards-recap" data-testid="cards-recap">
        ${r.card ? html`<span data-testid="screen-case-card-title">${t('cards.caseCard', { n: r.card.number })} — ${r.card.title}</span>` : nothing}
        ${r.structure ? html`<span> · ${t('cards.structureCard')} : ${r.structure.name}</span>` : nothing}
      </p>
      <h2 class="screen-lead">${t('cards.debrief.title')}</h2>
      <p class="hint">${t('cards.debrief.lead')}</p>
      ${aggregateView(r.aggregate, { testid: 'screen-aggregate' })}`;
  }

}

customElements.define('cards-screen', CardsScreen);
