// The impact questions of a session, before and after (issue 18): a plain table, read as such by
// screen readers. Used by the synthesis (archived or live) and the console.
import { html, nothing } from 'lit';
import { LightElement, inputs } from './light-element.js';
import { bt } from './bilan-messages.js';
import { formatNumber } from '../i18n/index.js';

class ImpactSummary extends LightElement {
  static properties = inputs({ items: null });

  _cell(avg, n) {
    return n ? bt('bl.summary.cell', { avg: formatNumber(avg ?? 0, 1), n }) : bt('bl.summary.none');
  }

  render() {
    if (!this.items?.length) return nothing;
    return html`<section class="panel" aria-labelledby="impact-title" data-testid="impact-summary">
      <h2 id="impact-title" class="panel__title">${bt('bl.summary.title')}</h2>
      <div class="table-wrap"><table class="table">
        <thead><tr><th scope="col">${bt('bl.summary.question')}</th><th scope="col">${bt('bl.summary.before')}</th>
          <th scope="col">${bt('bl.summary.after')}</th></tr></thead>
        <tbody>${this.items.map((q) => html`<tr data-testid="impact-row-${q.id}"><th scope="row">${q.text}</th>
          <td>${this._cell(q.beforeAverage, q.beforeCount)}</td><td>${this._cell(q.afterAverage, q.afterCount)}</td></tr>`)}</tbody>
      </table></div>
    </section>`;
  }
}
customElements.define('impact-summary', ImpactSummary);
