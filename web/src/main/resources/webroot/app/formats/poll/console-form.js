// The console's form to type a question live, of any type: options (choices, ranking), the scale's
// bounds and end words, an optional duration. Functions of the console element, which holds the
// fields (_kind, _text, _options, _correct, _seconds, _scaleMax, _minLabel, _maxLabel).
import { html, nothing } from 'lit';
import { t } from '../../i18n/index.js';
import { KINDS, hasOptions, kindLabel, letter } from './shared.js';

export const MAX_OPTIONS = 8;
export const MIN_OPTIONS = 2;
const TEXT_MAX = 200;
const OPTION_MAX = 80;
const LABEL_MAX = 40;

export const EMPTY_FORM = { _kind: 'SINGLE', _text: '', _options: ['', ''], _correct: null, _seconds: '', _scaleMax: '5', _minLabel: '', _maxLabel: '' };

/** The command the form describes, or a problem to show. */
export function formCommand(host) {
  const kind = host._kind;
  const text = host._text.trim();
  const options = host._options.map((o) => o.trim());
  let problem = '';
  const command = { type: 'poll.ask', text };
  if (kind !== 'SINGLE') command.kind = kind;
  if (!text) problem = t('poll.console.problem.text');
  if (hasOptions(kind)) {
    command.options = options;
    if (options.some((o) => !o)) problem ||= t('poll.console.problem.options');
    else if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) problem ||= t('poll.console.problem.duplicate');
    if (kind === 'SINGLE' && host._correct !== null) command.correct = host._correct;
  }
  if (kind === 'SCALE') {
    const ten = host._scaleMax === '10';
    command.scale = { min: ten ? 0 : 1, max: ten ? 10 : 5 };
    if (host._minLabel.trim()) command.scale.minLabel = host._minLabel.trim();
    if (host._maxLabel.trim()) command.scale.maxLabel = host._maxLabel.trim();
  }
  if (String(host._seconds).trim() !== '') {
    const seconds = Number(host._seconds);
    if (!Number.isInteger(seconds) || seconds < 5 || seconds > 3600) problem ||= t('poll.console.problem.seconds');
    else command.seconds = seconds;
  }
  return { command, problem };
}

function optionsFields(host) {
  const single = host._kind === 'SINGLE';
  return html`<fieldset class="field poll-form__options">
    <legend>${t('poll.console.options')}</legend>
    ${single ? html`<p class="hint" id="poll-correct-hint">${t('poll.console.correctHint')}</p>` : nothing}
    <ol class="option-editor">
      ${host._options.map(
        (value, i) => html`<li class="option-editor__row">
          <span class="option__letter" aria-hidden="true">${letter(i)}</span>
          <label class="visually-hidden" for="poll-option-${i}">${t('poll.console.optionLabel', { letter: letter(i) })}</label>
          <input id="poll-option-${i}" type="text" maxlength=${OPTION_MAX} required data-testid="poll-option-${i}"
            .value=${value} @input=${(e) => host._setOption(i, e.target.value)} />
          ${single ? html`<label class="option-editor__correct">
            <input type="radio" name="poll-correct" data-testid="poll-correct-${i}" aria-describedby="poll-correct-hint"
              .checked=${host._correct === i} @change=${() => (host._correct = i)} />
            <span>${t('poll.console.correct')}<span class="visually-hidden"> ${letter(i)}</span></span>
          </label>` : nothing}
          <button type="button" class="btn btn--ghost btn--small" data-testid="poll-remove-option-${i}"
            ?disabled=${host._options.length <= MIN_OPTIONS} @click=${() => host._removeOption(i)}
            aria-label=${t('poll.console.removeOption', { letter: letter(i) })}>✕</button>
        </li>`,
      )}
    </ol>
    <div class="row">
      <button type="button" class="btn btn--secondary" data-testid="poll-add-option"
        ?disabled=${host._options.length >= MAX_OPTIONS} @click=${host._addOption}>${t('poll.console.addOption')}</button>
      ${single ? html`<label class="option-editor__correct">
        <input type="radio" name="poll-correct" data-testid="poll-correct-none"
          .checked=${host._correct === null} @change=${() => (host._correct = null)} />
        <span>${t('poll.console.noCorrect')}</span>
      </label>` : nothing}
    </div>
  </fieldset>`;
}

function scaleFields(host) {
  return html`<fieldset class="field">
    <legend>${t('poll.console.scale')}</legend>
    <label class="check"><input type="radio" name="poll-scale" data-testid="poll-scale-5" .checked=${host._scaleMax !== '10'}
      @change=${() => (host._scaleMax = '5')} /> ${t('poll.console.scale5')}</label>
    <label class="check"><input type="radio" name="poll-scale" data-testid="poll-scale-10" .checked=${host._scaleMax === '10'}
      @change=${() => (host._scaleMax = '10')} /> ${t('poll.console.scale10')}</label>
    <div class="field"><label for="poll-min-label">${t('poll.console.minLabel')}</label>
      <input id="poll-min-label" type="text" maxlength=${LABEL_MAX} data-testid="poll-min-label" .value=${host._minLabel}
        @input=${(e) => (host._minLabel = e.target.value)} /></div>
    <div class="field"><label for="poll-max-label">${t('poll.console.maxLabel')}</label>
      <input id="poll-max-label" type="text" maxlength=${LABEL_MAX} data-testid="poll-max-label" .value=${host._maxLabel}
        @input=${(e) => (host._maxLabel = e.target.value)} /></div>
  </fieldset>`;
}

export function askForm(host, q) {
  const busyQuestion = q && q.status === 'OPEN';
  const kind = host._kind;
  return html`<form class="panel poll-form" @submit=${host._ask} novalidate data-testid="poll-form">
    <h3 class="panel__title">${t('poll.console.askTitle')}</h3>
    ${busyQuestion ? html`<p class="hint">${t('poll.console.openWarning')}</p>` : nothing}
    <div class="field">
      <label for="poll-kind">${t('poll.console.kind')}</label>
      <select id="poll-kind" data-testid="poll-kind" @change=${(e) => (host._kind = e.target.value)}>
        ${KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${kindLabel(k)}</option>`)}
      </select>
      <p class="hint">${t(`poll.console.kindHint.${kind}`)}</p>
    </div>
    <div class="field">
      <label for="poll-text">${t('poll.console.text')}</label>
      <textarea id="poll-text" rows="2" maxlength=${TEXT_MAX} required data-testid="poll-text"
        .value=${host._text} @input=${(e) => (host._text = e.target.value)}></textarea>
    </div>
    ${hasOptions(kind) ? optionsFields(host) : nothing}
    ${kind === 'SCALE' ? scaleFields(host) : nothing}
    <div class="field field--inline">
      <label for="poll-seconds">${t('poll.console.seconds')}</label>
      <input id="poll-seconds" type="number" min="5" max="3600" step="1" inputmode="numeric" data-testid="poll-seconds"
        aria-describedby="poll-seconds-hint" .value=${String(host._seconds)} @input=${(e) => (host._seconds = e.target.value)} />
      <span class="hint" id="poll-seconds-hint">${t('poll.console.secondsHint')}</span>
    </div>
    ${host._problem
      ? html`<p class="notice notice--error" role="alert" tabindex="-1" data-testid="poll-form-problem">${host._problem}</p>`
      : nothing}
    <button type="submit" class="btn btn--secondary" data-testid="poll-ask" ?disabled=${host._busy}>${t('poll.console.ask')}</button>
  </form>`;
}
