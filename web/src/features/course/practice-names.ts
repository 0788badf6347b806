// Friendly names for the practice ids lessons embed (server/src/domain/course/practice_ids.h).
// Until the practice player lands, a lesson shows the name and says the player is coming.
const names: Record<string, string> = {
  'resonance-breathing': 'Slow, even breathing',
  'cyclic-sighing': 'The double sigh',
  'box-breathing': 'Breathing in four equal sides',
  'grounding-54321': 'Grounding through the five senses',
  orienting: 'Orienting to the room',
  'body-scan': 'A gentle body scan',
  'soothing-touch': 'Soothing touch',
  'self-compassion-break': 'A short self-compassion pause',
  'pause-before-reacting': 'Pausing before reacting',
  'time-alone': 'Small steps of time alone',
};

export function practiceName(id: string): string {
  return names[id] ?? id.replace(/-/g, ' ');
}
