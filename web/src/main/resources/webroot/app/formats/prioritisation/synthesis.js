import { FormatElement } from '../../components/format-element.js';
import { html, nothing } from 'lit';
import { t, formatNumber } from '../../i18n/index.js';
import { crossTable, label, matrixBlock, planTable, projectHeader, rankingTable, roomChips, sidesBlock, synthesisBlock, useWords } from './shared.js';

/** Synthesis: the project, the themes with their counts, every contribution, the vote and the plan. */
class PrioritisationSynthesis extends FormatElement {
  render() {
    const r = this.results;
    if (!r) return html`<p class="muted">${t('prio.synthesis.none')}</p>`;
    useWords(r.vocabulary);
    const contributions = r.contributions ?? [];
    const themeNames = new Map((r.synthesis?.themes ?? []).map((th) => [th.id, th.name]));
    return html`<div class="prio prio-synthesis" data-testid="prio-synthesis">
      ${r.project ? html`<h3>${t('prio.synthesis.project')}</h3>${projectHeader(r.project)}` : nothing}
      <p>${t('prio.synthesis.counts', { n: formatNumber(r.newContributions ?? 0), total: formatNumber(r.synthesis?.total?.count ?? 0) })}</p>
      ${roomChips(r.room)}
      <h3>${t('prio.synthesis.themes')}</h3>
      ${synthesisBlock(r.synthesis, { withProfiles: true })}
      ${crossTable(r.synthesis)}
      <h3>${t('prio.synthesis.ranking')}</h3>
      ${r.revealed ? nothing : html`<p class="muted">${t('prio.synthesis.notRevealed')}</p>`}
      ${rankingTable(r.ranking, { testid: 'prio-synth-ranking' })}
      ${sidesBlock(r.ranking)}
      ${matrixBlock(r.ranking)}
      <h3>${t('prio.stage.PLAN')}</h3>
      ${planTable(r.plan ?? [], { testid: 'prio-synth-plan' })}
      <details>
        <summary>${t('prio.synthesis.contributions', { n: formatNumber(contributions.length) })}</summary>
        <div class="prio-table-wrap" role="region" tabindex="0" aria-label=${t('prio.synthesis.contributions', { n: formatNumber(contributions.length) })}><table class="prio-table" data-testid="prio-synth-contributions">
          <thead><tr><th scope="col">${t('prio.contribution')}</th><th scope="col">${t('prio.kind')}</th><th scope="col">${t('prio.category')}</th>
            <th scope="col">${t('prio.profile')}</th><th scope="col">${t('prio.theme')}</th></tr></thead>
          <tbody>
            ${contributions.map(
              (c) => html`<tr>
                <td><span class="prio-text">${c.text}</span>
                  ${c.hidden ? html` <span class="prio-chip prio-chip--hidden">${t('prio.hidden')}</span>` : nothing}
                  ${c.mergedInto ? html` <span class="prio-chip">${t('prio.merged')}</span>` : nothing}
                  ${c.earlier ? html` <span class="prio-chip prio-chip--earlier">${t('prio.earlier')}</span>` : nothing}</td>
                <td>${label('kind', c.kind)}</td><td>${label('category', c.category)}</td><td>${label('profile', c.profile)}</td>
                <td>${themeNames.get(c.themeId) ?? ''}</td>
              </tr>`,
            )}
          </tbody>
        </table></div>
      </details>
    </div>`;
  }
}

customElements.define('prioritisation-synthesis', PrioritisationSynthesis);
