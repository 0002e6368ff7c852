// <quiz-preview>: one question of the editor as the session will show it, drawn by the quiz format's
// own phone and projector elements (quiz-phone, quiz-screen) fed with the view a live question gets;
// the projector is drawn at 1920 × 1080 and scaled down to fit. Nothing is sent anywhere.
import { html } from 'lit';
import { LightElement, inputs } from '../../components/light-element.js';
import { loadFormatAssets } from '../index.js';
import { qt } from './editor-messages.js';
import { rightLabel } from './editor-model.js';

const ready = loadFormatAssets('quiz').then(() => Promise.all([import('./phone.js'), import('./projector.js')]));

/** The question as the server shows it to phones and the projector: no answer in it. */
function shown(q) {
  const out = { id: q.id, type: q.type, text: q.text || qt('qe.untitled'), points: q.points ?? 100 };
  if (q.choices) out.choices = q.choices.map((c, i) => ({ id: c.id, text: c.text || String.fromCharCode(65 + i) }));
  if (q.image) out.image = q.image;
  return out;
}

function reveal(q) {
  const right = new Set(q.type === 'multiple' ? q.answer ?? [] : q.type === 'single' ? [q.answer] : []);
  const distribution = q.choices
    ? q.choices.map((c, i) => ({ key: c.id, label: c.text || String.fromCharCode(65 + i), count: 0, right: right.has(c.id) }))
    : q.type === 'truefalse' ? [true, false].map((b) => ({ key: String(b), label: b ? qt('qe.true') : qt('qe.false'), count: 0, right: q.answer === b })) : [];
  return { rightLabel: rightLabel(q, { true: qt('qe.true'), false: qt('qe.false') }), explanation: q.explanation || null,
    source: q.source?.name || q.source?.url ? q.source : null, distribution, answered: 0 };
}

/** The activity a phone of team "Équipe aperçu" and the projector would get for this question. */
export function previewActivity(q, index, total, bankTitle, revealed) {
  const team = { id: 'preview', name: qt('qe.previewTeam'), members: [{ nickname: qt('qe.previewMe') }], size: 1 };
  return {
    stage: 'PLAYING', bank: { title: bankTitle, questions: total }, settings: { pacing: 'live' }, teams: [team], myTeam: 'preview',
    canChooseTeam: false, scoreboard: [],
    live: { question: shown(q), status: revealed ? 'REVEALED' : 'OPEN', asked: index + 1, total, deadline: null, teamAnswer: null,
      answered: 0, teamCount: 1, reveal: revealed ? reveal(q) : null, myResult: null },
  };
}

class QuizPreview extends LightElement {
  static properties = inputs({ question: null, index: 0, total: 1, bankTitle: '', reveal: false });

  constructor() {
    super();
    this._ready = false;
    ready.then(() => { this._ready = true; this.requestUpdate(); });
    this._resize = new ResizeObserver(() => this._scale());
  }

  connectedCallback() {
    super.connectedCallback();
    this.updateComplete.then(() => this._observe());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this._resize.disconnect();
  }

  _observe() {
    const frame = this.querySelector('.qe-projector');
    if (frame) this._resize.observe(frame);
  }

  updated() {
    this._observe();
    this._scale();
  }

  /** The 1920 × 1080 stage scaled to its frame's width (CSSOM: the CSP allows no inline style attribute). */
  _scale() {
    const frame = this.querySelector('.qe-projector');
    const stage = this.querySelector('.qe-projector__stage');
    if (!frame || !stage) return;
    const k = frame.clientWidth / 1920;
    stage.style.transform = `scale(${k})`;
    frame.style.height = `${Math.ceil(1080 * k)}px`;
  }

  render() {
    if (!this.question || !this._ready) return html`<p class="muted" role="status">…</p>`;
    const activity = previewActivity(this.question, this.index, this.total, this.bankTitle, this.reveal);
    const view = { me: { nickname: qt('qe.previewMe') }, activity };
    const send = () => Promise.resolve();
    return html`<p class="hint">${qt('qe.previewNote')}</p>
      <div class="qe-previews">
        <figure class="qe-preview">
          <figcaption>${qt('qe.previewPhone')}</figcaption>
          <div class="qe-phone page-phone" data-testid="qe-preview-phone"><quiz-phone .view=${view} .activity=${activity} .send=${send}></quiz-phone></div>
        </figure>
        <figure class="qe-preview qe-preview--wide">
          <figcaption>${qt('qe.previewProjector')}</figcaption>
          <div class="qe-projector" data-testid="qe-preview-projector"><div class="qe-projector__stage page-screen">
            <quiz-screen .view=${view} .activity=${activity}></quiz-screen></div></div>
        </figure>
      </div>`;
  }
}
customElements.define('quiz-preview', QuizPreview);
