// Practices as the server sends them, for the unit tests.
import type { Practice } from '../../api/practices';

export function boxBreathing(overrides: Partial<Practice> = {}): Practice {
  return {
    id: 'box-breathing',
    title: 'Box breathing',
    summary: 'Four equal sides: in, hold, out, hold.',
    kind: 'breathing',
    durations: [3, 5, 10],
    default_duration: 5,
    instructions_html: '<p>Sit comfortably and follow the circle.</p>',
    breathing: {
      phases: [
        { name: 'in', seconds: 4 },
        { name: 'hold', seconds: 4 },
        { name: 'out', seconds: 4 },
        { name: 'hold', seconds: 4 },
      ],
      rate: null,
    },
    steps: [],
    signs: ['emotional_regulation'],
    evidence: 'Slow breathing is well studied; the square shape itself less so.',
    ...overrides,
  };
}

export function resonance(overrides: Partial<Practice> = {}): Practice {
  return boxBreathing({
    id: 'resonance-breathing',
    title: 'Slow, even breathing',
    summary: 'About six breaths a minute.',
    breathing: {
      phases: [
        { name: 'in', seconds: 4 },
        { name: 'out', seconds: 6 },
      ],
      rate: { default: 6, min: 4, max: 8 },
    },
    ...overrides,
  });
}

export function grounding(overrides: Partial<Practice> = {}): Practice {
  return boxBreathing({
    id: 'grounding-54321',
    title: 'Grounding through the five senses',
    summary: 'Name what you can see, feel and hear.',
    kind: 'steps',
    durations: [3, 5],
    default_duration: 3,
    breathing: null,
    steps: [
      { text: 'Name five things you can see.', seconds: 60 },
      { text: 'Notice four things you can feel.', seconds: 60 },
      { text: 'Listen for three sounds.', seconds: 60 },
    ],
    evidence: 'A clinical convention with little trial evidence.',
    ...overrides,
  });
}
