/**
 * Words that say nothing about which problem a candidate has. Deliberately short: negations
 * ("not", "no"), "new", "out", "again", "after", "before" and "over" stay, because "start new",
 * "ran out", "try again", "after submitting" and "started over" are exactly what tells topics apart.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but if so then than that this these those there here it its is are was were be been being am
   i me my mine myself we us our you your yours he him his she her they them their
   to of in on at by for with from into onto as about
   do does did doing done have has had having will would shall should can could may might must
   what which who whom whose when where why how
   just really very quite also too still even only some any all each
   hi hey hello please pls plz thanks thank thx ok okay um uh hmm oh well yeah
   get got getting gets go goes going went come came
   like want wanted need needs needed know think trying try tried help
   im ive id one thing something anything`
    .split(/\s+/)
    .filter((word) => word !== ''),
);
