/**
 * The topic every unresolved path ends in: the "talk to a recruiter" command goes there and a
 * ticket names the problem the candidate came with, never this one. Topic ids are fixed (see README).
 */
export const ESCALATION_TOPIC = 'contact-recruiter';
