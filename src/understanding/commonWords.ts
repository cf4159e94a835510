/**
 * Everyday English content words. One training sentence using "make" or "old" says little about
 * a topic, whereas one using "webcam" or "404" says a lot; so a common word earns full weight only
 * after several training examples of a topic use it (see classifier.ts). Roughly the most
 * frequent English nouns, verbs and adjectives, minus the stop words.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `make made take took give gave find found look see saw show shown tell told ask asked work worked use used
   keep kept put let say said come leave left call called feel felt seem turn turned start started end ended
   stop stopped open opened close closed play run ran move live believe hold bring brought happen happened
   write wrote sit stand lose lost pay paid meet include continue set learn change changed lead follow create
   spend grow offer remember love consider appear buy wait serve die send sent expect build stay fall cut
   reach remain suggest raise pass sell require report decide pull watch watched read quit mean meant talk
   people year life world school state family student group country problem hand part place case week company
   system program question government number night point home water room mother area money story fact month
   lot study book eye job word business issue side kind head house service friend father power hour game line
   member law car city community name team minute idea kid body information back parent face level office door
   health person art war history party result morning reason research girl guy moment air teacher force
   education time way day thing today yesterday tomorrow minutes hours days weeks
   other new good high old great big small large young different black long little important bad white real
   best right social public sure low early able late hard major better strong possible whole free true full
   special easy clear recent certain personal red difficult available likely short single current wrong
   private past fine common poor natural similar hot dead central happy serious ready simple general blue dark
   various entire final main green nice huge popular`
    .split(/\s+/)
    .filter((word) => word !== ''),
);
