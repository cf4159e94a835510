import type { CompiledFlow } from '../flow';
import { ESCALATION_TOPIC } from '../flow/escalationTopic';
import type { Understanding } from './understanding';

/** Each part of a message must name its problem at least this surely to count as a second problem. */
const PART_CONFIDENCE = 0.6;
/** Sentences, and "… and my camera …" / "… also the page …": where people join two problems. */
const PARTS = /[.!?;\n]+|,?\s+(?:and(?: also)?|also|plus|as well as)\s+(?=(?:also\s+)?(?:my|the|i|it|now)\b)/i;

/**
 * The guide topics a message names, in the order it names them ("my link expired and my camera
 * doesn't work" → link-expired, camera-microphone). A whole two-problem message classifies as one
 * of them, often the later; reading it part by part keeps both, first things first.
 */
export function problemsNamedIn(flow: CompiledFlow, understanding: Understanding, text: string): string[] {
  const parts = text.split(PARTS).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return [];
  const topics: string[] = [];
  for (const part of parts) {
    const { topic, confidence } = understanding.classify(part);
    if (confidence < PART_CONFIDENCE || topic === ESCALATION_TOPIC || !flow.topics.has(topic) || topics.includes(topic)) continue;
    topics.push(topic);
  }
  return topics;
}
