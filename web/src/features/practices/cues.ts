// Optional cues at each change of phase: a soft tone (Web Audio) and a short vibration. Both are
// off until the person turns them on; the tone's audio context is made on that tap, because
// browsers only allow sound that a person started. Where either is missing, it does nothing.
import type { PhaseName } from '../../api/practices';

// Low, gentle pitches: rising for breathing in, falling for breathing out.
const pitch: Record<PhaseName, number> = { in: 392, 'top-up': 440, hold: 330, out: 262 };

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | undefined {
  const w = window as Window & { webkitAudioContext?: AudioContextClass };
  return typeof AudioContext === 'function' ? AudioContext : w.webkitAudioContext;
}

export const canPlayTones = (): boolean => audioContextClass() !== undefined;

export const canVibrate = (): boolean => typeof navigator.vibrate === 'function';

/** Soft tones; `open()` must be called from a tap or key press. Not thread-bound: UI thread only. */
export class Tones {
  private context: AudioContext | null = null;

  open(): void {
    const Context = audioContextClass();
    if (!Context) return;
    try {
      this.context ??= new Context();
      void this.context.resume();
    } catch {
      this.context = null;
    }
  }

  /** A short tone that swells and fades, quiet enough to sit under the breath. */
  play(phase: PhaseName): void {
    const context = this.context;
    if (!context || context.state !== 'running') return;
    const start = context.currentTime;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(pitch[phase], start);
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.08, start + 0.12);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.9);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + 1);
  }

  close(): void {
    void this.context?.close().catch(() => {});
    this.context = null;
  }
}

/** A short buzz: one for breathing in, two for anything else, so the change can be felt. */
export function vibrate(phase: PhaseName): void {
  if (!canVibrate()) return;
  try {
    navigator.vibrate(phase === 'in' ? 40 : [25, 80, 25]);
  } catch {
    // Some browsers refuse without a recent tap; the cue is optional.
  }
}
