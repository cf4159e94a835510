/**
 * Effects a node may ask for on entry (`actions: [<name>]`). The machine only names them; the
 * engine's decideTurn returns them as data and the conversation layer performs them. `end` nodes add
 * `escalate` or `resolve` themselves, so flow authors rarely list these by hand.
 */
export const effectNames = ['escalate', 'resolve', 'open-ticket', 'request-device-check'] as const;

export type EffectName = (typeof effectNames)[number];

export function isEffectName(name: string): name is EffectName {
  return (effectNames as readonly string[]).includes(name);
}
