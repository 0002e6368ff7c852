// The projector's sounds (issue 15): short tunes made in the browser with the Web Audio API (no
// audio file), off until someone turns them on with the projector's switch (a click, which is also
// what browsers require before a page may play sound). The choice is remembered on this computer.

const KEY = 'atelier.sounds';

// Each sound: notes as [frequency in Hz, start in s, duration in s], a waveform and a volume.
const TUNES = {
  // Countdown end: three short beeps, the last one lower and longer.
  countdown: { wave: 'square', volume: 0.08, notes: [[880, 0, 0.12], [880, 0.25, 0.12], [440, 0.5, 0.45]] },
  // A reveal: a quick rising arpeggio (C E G C).
  reveal: { wave: 'triangle', volume: 0.16, notes: [[523.25, 0, 0.14], [659.25, 0.11, 0.14], [783.99, 0.22, 0.14], [1046.5, 0.33, 0.4]] },
  // The podium: a small fanfare.
  podium: {
    wave: 'sawtooth',
    volume: 0.07,
    notes: [[392, 0, 0.16], [392, 0.18, 0.16], [392, 0.36, 0.16], [523.25, 0.54, 0.5], [659.25, 1.08, 0.2], [523.25, 1.3, 0.2], [659.25, 1.52, 0.2], [783.99, 1.74, 0.7]],
  },
};

function remembered() {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export class Sounds extends EventTarget {
  constructor() {
    super();
    this._context = null;
    // Never on by itself at load: a browser would block it until a click anyway.
    this.enabled = false;
    this.wanted = remembered();
    this.last = null;
  }

  get supported() {
    return Boolean(globalThis.AudioContext || globalThis.webkitAudioContext);
  }

  /** Turns the sounds on or off (call it from a click: the audio context starts with it). */
  set(on) {
    this.enabled = Boolean(on) && this.supported;
    this.wanted = this.enabled;
    try {
      localStorage.setItem(KEY, this.enabled ? 'on' : 'off');
    } catch {
      /* storage disabled */
    }
    if (this.enabled) {
      const Context = globalThis.AudioContext || globalThis.webkitAudioContext;
      this._context ??= new Context();
      this._context.resume?.().catch(() => {});
    }
    this.dispatchEvent(new CustomEvent('change', { detail: this.enabled }));
  }

  /** Plays one of the tunes (countdown, reveal, podium) if the sounds are on. */
  play(name) {
    const tune = TUNES[name];
    if (!tune || !this.enabled || !this._context) return false;
    const ctx = this._context;
    const start = ctx.currentTime + 0.02;
    for (const [frequency, at, duration] of tune.notes) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = tune.wave;
      osc.frequency.value = frequency;
      // A soft attack and release: no clicks.
      gain.gain.setValueAtTime(0, start + at);
      gain.gain.linearRampToValueAtTime(tune.volume, start + at + 0.015);
      gain.gain.setValueAtTime(tune.volume, start + at + duration * 0.7);
      gain.gain.linearRampToValueAtTime(0, start + at + duration);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + at);
      osc.stop(start + at + duration + 0.02);
    }
    this.last = name;
    this.dispatchEvent(new CustomEvent('played', { detail: name }));
    return true;
  }
}
