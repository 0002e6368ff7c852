import { html, nothing } from 'lit';
import { styleProps } from './style-props.js';
import { LightElement } from './light-element.js';
import { t, formatNumber } from '../i18n/index.js';

/**
 * Horizontal bars (each filled to its share of the total) in plain HTML/CSS (no canvas): each row shows its label, count and percentage as
 * text, so screen readers and printers get the numbers without the graphics.
 * items: [{label, value, correct?, mine?, badge?}]; base: what the percentages are shares of (default: the
 * sum of the values; a multiple-choice tally passes the number of people who answered).
 */
class BarChart extends LightElement {
  static properties = {
    items: { attribute: false, initial: [] },
    testid: { initial: 'bar' },
    caption: { initial: '' },
    size: { initial: 'normal' },
    base: { attribute: false, initial: 0 },
  };

  render() {
    const items = this.items ?? [];
    const total = this.base || items.reduce((sum, item) => sum + (item.value || 0), 0);
    return html`<figure class="bars bars--${this.size} ${items.length <= 5 ? 'bars--few' : ''}">
      ${this.caption ? html`<figcaption class="bars__caption">${this.caption}</figcaption>` : nothing}
      <ol class="bars__list">
        ${items.map((item, i) => {
          const value = item.value || 0;
          const pct = total ? Math.round((100 * value) / total) : 0;
          return html`<li
            class="bars__row ${item.correct ? 'bars__row--correct' : ''} ${item.mine ? 'bars__row--mine' : ''}"
            data-testid="${this.testid}-${i}"
            data-value=${value}
            data-correct=${item.correct ? 'true' : 'false'}
          >
            <span class="bars__label">
              ${item.label}
              ${item.correct ? html`<strong class="tag tag--correct" data-testid="${this.testid}-correct">✓ ${t('chart.correct')}</strong>` : nothing}
              ${item.mine ? html`<span class="tag tag--mine">${t('chart.mine')}</span>` : nothing}
            </span>
            <span class="bars__track" aria-hidden="true"
              ><span class="bars__fill" ${styleProps({ width: `${total ? (100 * value) / total : 0}%` })}></span
            ></span>
            <span class="bars__value">${formatNumber(value)} <span class="bars__pct">(${pct} %)</span></span>
          </li>`;
        })}
      </ol>
    </figure>`;
  }
}
customElements.define('bar-chart', BarChart);
