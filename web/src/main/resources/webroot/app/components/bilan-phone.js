// Phone (issue 18): the optional structure and team size of a professionals' session, and the
// territory's impact questions (1–5) asked before (lobby, activity) or after (with the satisfaction).
import { html, nothing } from 'lit';
import { LightElement, inputs, state } from './light-element.js';
import { bt } from './bilan-messages.js';

const MAX_TEAM_SIZE = 30;

class BilanPhone extends LightElement {
  static properties = {
    ...inputs({ bilan: null, send: null }),
    ...state({ _structure: undefined, _size: undefined, _status: '', _error: '' }),
  };

  async _run(command, status) {
    this._error = '';
    try {
      await this.send(command);
      this._status = status;
    } catch (error) {
      this._error = error?.message || bt('bl.error');
    }
  }

  _declare(event) {
    event.preventDefault();
    const mine = this.bilan?.mine ?? {};
    const structureId = this._structure ?? mine.structureId ?? null;
    const raw = this._size ?? (mine.declaredSize ? String(mine.declaredSize) : '');
    const command = { type: 'session.declare', structureId: structureId || null };
    if (raw !== '') command.declaredSize = Number(raw);
    this._run(command, 'declared');
  }

  render() {
    const b = this.bilan;
    if (!b) return nothing;
    // A team sharing a device may say how many it is in any session; the structure only where asked.
    const declaring = b.structures || b.questions?.[0]?.moment !== 'after';
    return html`${declaring ? this._renderDeclare(b) : nothing}${b.questions ? this._renderQuestions(b.questions) : nothing}
      ${this._error ? html`<p class="notice notice--error" role="alert" data-testid="bilan-error">${this._error}</p>` : nothing}`;
  }

  _renderDeclare(b) {
    const mine = b.mine ?? {};
    const chosen = this._structure ?? mine.structureId ?? '';
    const size = this._size ?? (mine.declaredSize ? String(mine.declaredSize) : '');
    return html`<form class="card bilan-declare" @submit=${this._declare} aria-labelledby="bl-declare-title" data-testid="bilan-declare">
      <h2 id="bl-declare-title" class="question">${bt(b.structures ? 'bl.structure.title' : 'bl.size.title')}</h2>
      ${b.structures ? html`<div class="field"><label for="bl-structure">${bt('bl.structure.label')}</label>
        <select id="bl-structure" data-testid="bilan-structure" aria-describedby="bl-structure-hint"
          @change=${(e) => { this._structure = e.target.value; this._status = ''; }}>
          <option value="" ?selected=${chosen === ''}>${bt('bl.structure.none')}</option>
          ${b.structures.map((s) => html`<option value=${s.id} ?selected=${chosen === s.id}>${s.name}</option>`)}
        </select>
        <p id="bl-structure-hint" class="hint">${bt('bl.structure.hint')}</p></div>` : nothing}
      <div class="field"><label for="bl-size">${bt('bl.size.label')}</label>
        <input id="bl-size" type="number" inputmode="numeric" min="1" max=${MAX_TEAM_SIZE} data-testid="bilan-size"
          aria-describedby="bl-size-hint" .value=${size} @input=${(e) => { this._size = e.target.value; this._status = ''; }}>
        <p id="bl-size-hint" class="hint">${bt('bl.size.hint')}</p></div>
      <button type="submit" class="btn btn--secondary" data-testid="bilan-declare-save">${bt('bl.save')}</button>
      <p role="status" aria-live="polite" data-testid="bilan-declare-status">${this._status === 'declared' ? bt('bl.saved') : nothing}</p>
    </form>`;
  }

  _renderQuestions(questions) {
    const moment = questions[0].moment;
    return html`<section class="card bilan-impact" aria-labelledby="bl-impact-title" data-testid="bilan-impact">
      <h2 id="bl-impact-title" class="question">${bt(moment === 'before' ? 'bl.impact.before' : 'bl.impact.after')}</h2>
      ${questions.map((q, i) => html`<div class="bilan-impact__q">
        <p id="bl-q-${i}" class="lead">${q.text}</p>
        <div class="rating" role="group" aria-labelledby="bl-q-${i}">
          ${[1, 2, 3, 4, 5].map((n) => html`<button type="button" class="rating__btn ${q.mine === n ? 'rating__btn--selected' : ''}"
            aria-pressed=${q.mine === n ? 'true' : 'false'} aria-label=${bt('bl.impact.rate', { n })}
            data-testid="impact-${q.id}-${n}"
            @click=${() => this._run({ type: 'session.impact', questionId: q.id, moment: q.moment, score: n }, 'answered')}>${n}</button>`)}
        </div>
        <div class="rating__legend" aria-hidden="true"><span>${bt('bl.impact.low')}</span><span>${bt('bl.impact.high')}</span></div>
      </div>`)}
    </section>`;
  }
}
customElements.define('bilan-phone', BilanPhone);
