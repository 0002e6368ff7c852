// The quiz editor's pure helpers on a bank's questions (the shapes of QuizBank.java): new questions,
// type changes that keep what still makes sense, unique ids, the right answer as a label.

export const TYPES = ['single', 'multiple', 'truefalse', 'number', 'text'];
export const letterOf = (i) => String.fromCharCode(97 + i);

/** A question id not used in the bank: q1, q2… */
export function freshId(questions, base = 'q') {
  const used = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (used.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}

/** A choice id not used in the question: a, b, c… (then c11, c12…). */
export function freshChoiceId(choices) {
  const used = new Set(choices.map((c) => c.id));
  for (let i = 0; i < 20; i++) if (!used.has(letterOf(i))) return letterOf(i);
  let n = choices.length + 1;
  while (used.has(`c${n}`)) n += 1;
  return `c${n}`;
}

export function newQuestion(questions, text = '') {
  return { id: freshId(questions), type: 'single', text, choices: [{ id: 'a', text: '' }, { id: 'b', text: '' }], answer: 'a' };
}

/** The question as another type: choices kept between single and multiple, the answer reshaped. */
export function withType(q, type) {
  const out = { ...q, type };
  delete out.tolerance;
  if (type === 'single' || type === 'multiple') {
    const choices = q.choices?.length ? q.choices : [{ id: 'a', text: '' }, { id: 'b', text: '' }];
    out.choices = choices;
    const right = Array.isArray(q.answer) ? q.answer : typeof q.answer === 'string' ? [q.answer] : [];
    const valid = right.filter((id) => choices.some((c) => c.id === id));
    out.answer = type === 'single' ? valid[0] ?? choices[0].id : valid.length ? valid : [choices[0].id];
  } else {
    delete out.choices;
    if (type === 'truefalse') out.answer = true;
    if (type === 'number') out.answer = 0;
    if (type === 'text') out.answer = [''];
  }
  return out;
}

/** A copy of the question with a fresh id, placed after it. */
export function duplicate(questions, index) {
  const copy = structuredClone(questions[index]);
  copy.id = freshId(questions);
  return [...questions.slice(0, index + 1), copy, ...questions.slice(index + 1)];
}

export function move(list, from, to) {
  if (to < 0 || to >= list.length || from === to) return list;
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}

/** The question without its empty optional fields (what the bank stores). */
export function tidy(q) {
  const out = { ...q };
  for (const key of ['explanation', 'theme']) if (out[key] === '' || out[key] == null) delete out[key];
  for (const key of ['points', 'seconds', 'tolerance']) if (out[key] === '' || out[key] == null || Number.isNaN(out[key])) delete out[key];
  if (out.source && !out.source.name && !out.source.url) delete out.source;
  if (!out.image) delete out.image;
  return out;
}

/** The right answer in words (the preview's reveal). */
export function rightLabel(q, words) {
  switch (q.type) {
    case 'single':
      return q.choices?.find((c) => c.id === q.answer)?.text ?? '';
    case 'multiple':
      return (q.choices ?? []).filter((c) => (q.answer ?? []).includes(c.id)).map((c) => c.text).join(' · ');
    case 'truefalse':
      return q.answer ? words.true : words.false;
    case 'number':
      return q.tolerance ? `${q.answer} (± ${q.tolerance})` : String(q.answer ?? '');
    default:
      return (q.answer ?? []).join(' / ');
  }
}

/** Problems of question `index` from a 422 answer's paths (questions/3/answer, /questions/3, content/questions/3/…). */
export function problemsOf(problems, index) {
  const out = [];
  for (const p of problems ?? []) {
    const m = /questions\/(\d+)(?:\/([A-Za-z]+))?/.exec(p.path ?? '');
    if (m && Number(m[1]) === index) out.push({ field: m[2] ?? '', message: p.message });
  }
  return out;
}
