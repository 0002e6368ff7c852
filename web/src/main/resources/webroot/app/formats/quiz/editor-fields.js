// One question's fields in the quiz editor: type, text, the type's own answer fields (choices and the
// right ones, the number and its tolerance, the accepted spellings), explanation, source, image with
// its required alternative text, time, points and theme. A 422's problems show beside their field.
import { html, nothing } from 'lit';
import { qt } from './editor-messages.js';
import { TYPES, freshChoiceId, letterOf, withType } from './editor-model.js';

const num = (value) => (value === '' ? '' : Number(value));

/** The problems of a field (``: the question as a whole), as a message element bound by `id`. */
function problem(ctx, fields, id) {
  const list = ctx.problems.filter((p) => fields.includes(p.field));
  return list.length ? html`<p id=${id} class="field__error" data-testid=${id}>${list.map((p) => p.message).join(' ')}</p>` : nothing;
}
const invalid = (ctx, fields) => (ctx.problems.some((p) => fields.includes(p.field)) ? 'true' : 'false');
const describedBy = (ctx, fields, id, hint) => [hint, ctx.problems.some((p) => fields.includes(p.field)) ? id : null].filter(Boolean).join(' ') || nothing;

export function questionFields(q, ctx) {
  const p = `qe-${q.id}`;
  const ro = ctx.readonly;
  return html`
    <div class="qe-row">
      <div class="field"><label for="${p}-type">${qt('qe.type')}</label>
        <select id="${p}-type" data-testid="${p}-type" ?disabled=${ro} @change=${(e) => ctx.replace(withType(q, e.target.value))}>
          ${TYPES.map((t) => html`<option value=${t} ?selected=${q.type === t}>${qt(`qe.type.${t}`)}</option>`)}
        </select></div>
      <div class="field"><label for="${p}-theme">${qt('qe.theme')}</label>
        <input id="${p}-theme" type="text" maxlength="60" list="qe-themes" data-testid="${p}-theme" .value=${q.theme ?? ''} ?readonly=${ro}
          aria-describedby="${p}-theme-hint" @input=${(e) => ctx.set({ theme: e.target.value })}>
        <p id="${p}-theme-hint" class="hint">${qt('qe.themeHint')}</p></div>
    </div>
    <div class="field"><label for="${p}-text">${qt('qe.text')}</label>
      <textarea id="${p}-text" rows="2" maxlength="500" required data-testid="${p}-text" .value=${q.text ?? ''} ?readonly=${ro}
        aria-invalid=${invalid(ctx, ['text'])} aria-describedby=${describedBy(ctx, ['text'], `${p}-text-problem`)}
        @input=${(e) => ctx.set({ text: e.target.value })}></textarea>
      ${problem(ctx, ['text'], `${p}-text-problem`)}</div>
    ${answerFields(q, ctx, p)}
    <div class="field"><label for="${p}-explanation">${qt('qe.explanation')}</label>
      <textarea id="${p}-explanation" rows="2" maxlength="2000" data-testid="${p}-explanation" .value=${q.explanation ?? ''} ?readonly=${ro}
        aria-invalid=${invalid(ctx, ['explanation'])} aria-describedby=${describedBy(ctx, ['explanation'], `${p}-explanation-problem`)}
        @input=${(e) => ctx.set({ explanation: e.target.value })}></textarea>
      ${problem(ctx, ['explanation'], `${p}-explanation-problem`)}</div>
    <div class="qe-row">
      <div class="field"><label for="${p}-source-name">${qt('qe.sourceName')}</label>
        <input id="${p}-source-name" type="text" maxlength="200" data-testid="${p}-source-name" .value=${q.source?.name ?? ''} ?readonly=${ro}
          aria-invalid=${invalid(ctx, ['source'])} @input=${(e) => ctx.set({ source: { ...q.source, name: e.target.value } })}></div>
      <div class="field"><label for="${p}-source-url">${qt('qe.sourceUrl')}</label>
        <input id="${p}-source-url" type="text" inputmode="url" maxlength="500" data-testid="${p}-source-url" .value=${q.source?.url ?? ''} ?readonly=${ro}
          aria-invalid=${invalid(ctx, ['source'])} aria-describedby=${describedBy(ctx, ['source'], `${p}-source-problem`)}
          @input=${(e) => ctx.set({ source: { ...q.source, url: e.target.value } })}></div>
    </div>
    ${problem(ctx, ['source'], `${p}-source-problem`)}
    ${imageFields(q, ctx, p)}
    <div class="qe-row">
      <div class="field"><label for="${p}-seconds">${qt('qe.seconds')}</label>
        <input id="${p}-seconds" type="number" min="5" max="600" step="1" data-testid="${p}-seconds" .value=${String(q.seconds ?? '')} ?readonly=${ro}
          aria-invalid=${invalid(ctx, ['seconds'])} aria-describedby=${describedBy(ctx, ['seconds'], `${p}-seconds-problem`, `${p}-seconds-hint`)}
          @input=${(e) => ctx.set({ seconds: num(e.target.value) })}>
        <p id="${p}-seconds-hint" class="hint">${qt('qe.secondsHint')}</p>
        ${problem(ctx, ['seconds'], `${p}-seconds-problem`)}</div>
      <div class="field"><label for="${p}-points">${qt('qe.points')}</label>
        <input id="${p}-points" type="number" min="1" max="1000" step="1" placeholder="100" data-testid="${p}-points" .value=${String(q.points ?? '')} ?readonly=${ro}
          aria-invalid=${invalid(ctx, ['points'])} aria-describedby=${describedBy(ctx, ['points'], `${p}-points-problem`)}
          @input=${(e) => ctx.set({ points: num(e.target.value) })}>
        ${problem(ctx, ['points'], `${p}-points-problem`)}</div>
    </div>
    ${problem(ctx, ['', 'id', 'type'], `${p}-problem`)}`;
}

function answerFields(q, ctx, p) {
  const ro = ctx.readonly;
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const multiple = q.type === 'multiple';
      const right = multiple ? q.answer ?? [] : [q.answer];
      const choices = q.choices ?? [];
      const setChoice = (i, patch) => ctx.set({ choices: choices.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
      const remove = (i) => {
        const gone = choices[i].id;
        const rest = choices.filter((_, j) => j !== i);
        const answer = multiple ? right.filter((id) => id !== gone) : q.answer === gone ? rest[0]?.id : q.answer;
        ctx.set({ choices: rest, answer });
      };
      const mark = (id, on) => ctx.set({ answer: multiple ? (on ? [...right.filter((x) => x !== id), id] : right.filter((x) => x !== id)) : id });
      return html`<fieldset class="field qe-choices" aria-describedby="${p}-choices-hint${ctx.problems.some((x) => ['choices', 'answer'].includes(x.field)) ? ` ${p}-choices-problem` : ''}">
        <legend>${qt('qe.choices')}</legend>
        <p id="${p}-choices-hint" class="hint">${multiple ? qt('qe.multipleHint') : qt('qe.singleHint')}</p>
        <ol class="qe-choice-list">${choices.map((c, i) => {
          const L = letterOf(i).toUpperCase();
          return html`<li class="qe-choice">
            <label class="qe-choice__right"><input type=${multiple ? 'checkbox' : 'radio'} name="${p}-right" data-testid="${p}-right-${i}"
              .checked=${right.includes(c.id)} ?disabled=${ro} @change=${(e) => mark(c.id, e.target.checked)}>
              <span class="visually-hidden">${qt('qe.rightOne', { letter: L })}</span><span aria-hidden="true">${qt('qe.right')}</span></label>
            <label class="visually-hidden" for="${p}-choice-${i}">${qt('qe.choice', { letter: L })}</label>
            <span class="qe-choice__letter" aria-hidden="true">${L}</span>
            <input id="${p}-choice-${i}" type="text" maxlength="200" data-testid="${p}-choice-${i}" .value=${c.text ?? ''} ?readonly=${ro}
              @input=${(e) => setChoice(i, { text: e.target.value })}>
            ${ro || choices.length <= 2 ? nothing : html`<button type="button" class="btn btn--secondary btn--small" data-testid="${p}-remove-choice-${i}"
              @click=${() => remove(i)}>${qt('qe.removeChoice', { letter: L })}</button>`}
          </li>`;
        })}</ol>
        ${ro || choices.length >= 10 ? nothing : html`<button type="button" class="btn btn--secondary btn--small" data-testid="${p}-add-choice"
          @click=${() => ctx.set({ choices: [...choices, { id: freshChoiceId(choices), text: '' }] })}>${qt('qe.addChoice')}</button>`}
        ${problem(ctx, ['choices', 'answer'], `${p}-choices-problem`)}
      </fieldset>`;
    }
    case 'truefalse':
      return html`<fieldset class="field"><legend>${qt('qe.truth')}</legend>
        ${[true, false].map((b) => html`<label class="check"><input type="radio" name="${p}-truth" data-testid="${p}-truth-${b}" .checked=${q.answer === b}
          ?disabled=${ro} @change=${() => ctx.set({ answer: b })}> ${b ? qt('qe.true') : qt('qe.false')}</label>`)}
        ${problem(ctx, ['answer'], `${p}-answer-problem`)}</fieldset>`;
    case 'number':
      return html`<div class="qe-row">
        <div class="field"><label for="${p}-number">${qt('qe.number')}</label>
          <input id="${p}-number" type="number" step="any" required data-testid="${p}-number" .value=${String(q.answer ?? '')} ?readonly=${ro}
            aria-invalid=${invalid(ctx, ['answer'])} aria-describedby=${describedBy(ctx, ['answer'], `${p}-answer-problem`)}
            @input=${(e) => ctx.set({ answer: e.target.value === '' ? null : Number(e.target.value) })}>
          ${problem(ctx, ['answer'], `${p}-answer-problem`)}</div>
        <div class="field"><label for="${p}-tolerance">${qt('qe.tolerance')}</label>
          <input id="${p}-tolerance" type="number" step="any" min="0" data-testid="${p}-tolerance" .value=${String(q.tolerance ?? '')} ?readonly=${ro}
            aria-invalid=${invalid(ctx, ['tolerance'])} aria-describedby="${p}-tolerance-hint" @input=${(e) => ctx.set({ tolerance: num(e.target.value) })}>
          <p id="${p}-tolerance-hint" class="hint">${qt('qe.toleranceHint')}</p>
          ${problem(ctx, ['tolerance'], `${p}-tolerance-problem`)}</div>
      </div>`;
    default: {
      const accepted = Array.isArray(q.answer) ? q.answer : [];
      const setAt = (i, text) => ctx.set({ answer: accepted.map((a, j) => (j === i ? text : a)) });
      return html`<fieldset class="field" aria-describedby="${p}-accepted-hint">
        <legend>${qt('qe.accepted')}</legend>
        <p id="${p}-accepted-hint" class="hint">${qt('qe.acceptedHint')}</p>
        ${accepted.map((a, i) => html`<div class="qe-accepted">
          <label class="visually-hidden" for="${p}-accepted-${i}">${qt('qe.acceptedOne', { n: i + 1 })}</label>
          <input id="${p}-accepted-${i}" type="text" maxlength="100" data-testid="${p}-accepted-${i}" .value=${a} ?readonly=${ro}
            @input=${(e) => setAt(i, e.target.value)}>
          ${ro || accepted.length <= 1 ? nothing : html`<button type="button" class="btn btn--secondary btn--small"
            @click=${() => ctx.set({ answer: accepted.filter((_, j) => j !== i) })}>${qt('qe.removeAccepted', { n: i + 1 })}</button>`}
        </div>`)}
        ${ro || accepted.length >= 20 ? nothing : html`<button type="button" class="btn btn--secondary btn--small" data-testid="${p}-add-accepted"
          @click=${() => ctx.set({ answer: [...accepted, ''] })}>${qt('qe.addAccepted')}</button>`}
        ${problem(ctx, ['answer'], `${p}-answer-problem`)}
      </fieldset>`;
    }
  }
}

function imageFields(q, ctx, p) {
  const ro = ctx.readonly;
  const img = q.image && typeof q.image === 'object' ? q.image : q.image ? { src: q.image, alt: '' } : null;
  const altMissing = img && !img.alt?.trim();
  return html`<fieldset class="field qe-image"><legend>${qt('qe.image')}</legend>
    ${img ? html`<figure class="qe-image__preview"><img src=${img.src} alt=${img.alt || ''} data-testid="${p}-image-preview">
        <figcaption class="visually-hidden">${qt('qe.imagePreview', { alt: img.alt || '' })}</figcaption></figure>
      <div class="field"><label for="${p}-alt">${qt('qe.imageAlt')}</label>
        <input id="${p}-alt" type="text" maxlength="300" required data-testid="${p}-alt" .value=${img.alt ?? ''} ?readonly=${ro}
          aria-invalid=${altMissing || invalid(ctx, ['image']) === 'true' ? 'true' : 'false'}
          aria-describedby="${p}-alt-hint${altMissing ? ` ${p}-alt-missing` : ''}${invalid(ctx, ['image']) === 'true' ? ` ${p}-image-problem` : ''}"
          @input=${(e) => ctx.set({ image: { ...img, alt: e.target.value } })}>
        <p id="${p}-alt-hint" class="hint">${qt('qe.imageAltHint')}</p>
        ${altMissing ? html`<p id="${p}-alt-missing" class="field__error" data-testid="${p}-alt-missing">${qt('qe.imageAltMissing')}</p>` : nothing}</div>
      ${ro ? nothing : html`<button type="button" class="btn btn--secondary btn--small" data-testid="${p}-image-remove"
        @click=${() => ctx.set({ image: null })}>${qt('qe.imageRemove')}</button>`}` : nothing}
    ${ro ? nothing : html`<div class="field"><label for="${p}-image">${qt('qe.imageChoose')}</label>
      <input id="${p}-image" type="file" accept="image/jpeg,image/png,image/webp" data-testid="${p}-image"
        @change=${(e) => e.target.files?.[0] && ctx.upload(e.target.files[0], e.target)}></div>`}
    ${ctx.uploading ? html`<p role="status">${qt('qe.imageUploading')}</p>` : nothing}
    ${ctx.uploadError ? html`<p class="field__error" role="alert" data-testid="${p}-image-error">${ctx.uploadError}</p>` : nothing}
    ${problem(ctx, ['image'], `${p}-image-problem`)}
  </fieldset>`;
}
