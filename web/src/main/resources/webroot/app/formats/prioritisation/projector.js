import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import { t, formatNumber } from '../../i18n/index.js';
import { crossTable, label, matrixBlock, planTable, projectHeader, rankingTable, roomChips, synthesisBlock, useWords } from './shared.js';

/** Projector: the live wall by category, then themes, the vote (no tallies), the results, the plan. */
class PrioritisationScreen extends FormatElement {
  render() {
    const a = this.activity ?? {};
    useWords(a.vocabulary);
    const stage = a.stage ?? 'COLLECT';
    return html`<section class="prio prio-screen screen-panel" data-testid="prio-screen" data-stage=${stage}>
      <div class="prio-screen-head">
        <h2 data-testid="prio-screen-stage">${t(`prio.screen.${stage}`)}</h2>
        ${projectHeader(a.project, { big: true })}
      </div>
      ${this._renderBody(a, stage)}
      ${stage === 'COLLECT' ? roomChips(a.room) : nothing}
    </section>`;
  }

  _renderBody(a, stage) {
    switch (stage) {
      case 'COLLECT':
        return this._renderWall(a.wall);
      case 'SYNTHESIS':
        return html`${synthesisBlock(a.synthesis, { withProfiles: true })}${crossTable(a.synthesis)}`;
      case 'VOTE':
        return this._renderVote(a.vote);
      case 'RESULTS':
        // No per-side lists here: the ranking's columns already say what each side chose, and a
        // projector never scrolls (the console and the synthesis keep them).
        return a.results
          ? html`<div class="prio-results">
              <div>${rankingTable(a.results)}</div>
              <div>${matrixBlock(a.results)}</div>
            </div>`
          : nothing;
      case 'PLAN':
        return planTable(a.plan ?? []);
      default:
        return nothing;
    }
  }

  _renderWall(wall) {
    const columns = wall?.columns ?? [];
    if (!wall?.total) return html`<p class="screen-lead" data-testid="prio-wall-empty">${t('prio.screen.wallEmpty')}</p>`;
    return html`<div class="prio-wall" data-testid="prio-wall" data-total=${wall.total}>
      ${columns.map(
        (col) => html`<section class="prio-wall__col prio-cat--${col.category}" data-testid="prio-wall-${col.category}" data-count=${col.count}
          aria-label=${label('category', col.category)}>
          <h3 class="prio-wall__head"><span>${label('category', col.category)}</span><span>${formatNumber(col.count)}</span></h3>
          <ul class="prio-list">
            ${[...col.items].reverse().map(
              (c) => html`<li class="prio-card" data-testid="prio-card">
                <p class="prio-card__text">${c.text}</p>
                <div class="prio-card__meta"><span>${label('kind', c.kind)}</span>
                  ${c.weight > 1 ? html`<span class="prio-weight" data-testid="prio-weight">×${c.weight}</span>` : nothing}
                  ${c.earlier ? html`<span>${t('prio.earlier')}</span>` : nothing}</div>
              </li>`,
            )}
          </ul>
        </section>`,
      )}
    </div>`;
  }

  _renderVote(vote) {
    if (!vote) return nothing;
    const total = this.view?.session?.participantCount ?? 0;
    return html`<p class="screen-answered" data-testid="prio-voters">${t('prio.screen.voters', { n: formatNumber(vote.voters ?? 0), total: formatNumber(total) })}</p>
      <p class="screen-lead">${t('prio.screen.voteRules', { budget: vote.budget, max: vote.maxPerProposal })}</p>
      <ol class="prio-screen-proposals" data-testid="prio-screen-proposals">
        ${(vote.proposals ?? []).map((p) => html`<li>${p.text}${p.themeName ? html`<div class="prio-meta">${p.themeName}</div>` : nothing}</li>`)}
      </ol>`;
  }
}

customElements.define('prioritisation-screen', PrioritisationScreen);
