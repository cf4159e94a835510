import type { LanguageAnalysis } from '../language';
import { wordSet } from '../language';
import { ENGLISH_FILLERS } from './english';
import { foldedWords, rememberedStems } from './foldedWords';
import { englishTechWords } from './shared';
import { snowballStemmer } from './snowball';

/** "l'entretien", "j'ai", "qu'il", "jusqu'a": the elided word before the apostrophe. */
const ELISIONS = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'/;

/** French, accents folded ("expiré" = "expire"), elisions dropped, the Snowball stemmer. */
export const french: LanguageAnalysis = {
  code: 'fr',
  words: (text) => foldedWords(text, undefined, ELISIONS),
  stem: rememberedStems(snowballStemmer('fr')),
  // Negations ("ne", "pas", "jamais", "rien", "plus") and "nouveau", "encore" stay.
  stopWords: wordSet(
    `le la les un une des du de d et ou mais si que qui quoi
     je j tu il elle on nous vous ils elles me moi te toi se mon ma mes ton ta tes son sa ses notre votre leur leurs
     ce c cet cette ces ca cela est sont suis es etait ete a ai as avons avez ont au aux en dans sur pour par avec y
     bonjour salut bonsoir merci svp stp plait ok alors donc tres vraiment aussi juste
     faire fait peux peut pouvez pourriez besoin aide aider aidez veux voudrais essaye essayer
     comment quand ou pourquoi quel quelle`,
  ),
  synonyms: {
    videos: 'video',
    ...englishTechWords('camera', 'micro', 'lien'),
    microphone: 'micro', mic: 'micro',
    courriel: 'email', mel: 'email',
    navigateur: 'browser',
    recruteur: 'recruiter', recruteuse: 'recruiter', recruteurs: 'recruiter',
    ordinateur: 'computer', ordi: 'computer', portable: 'telephone', tel: 'telephone', smartphone: 'telephone',
    marche: 'fonctionne', marchent: 'fonctionne', fonctionnent: 'fonctionne',
    site: 'page', plateforme: 'page', portail: 'page',
    onglet: 'fenetre', humain: 'personne', agent: 'personne', quelqu: 'personne', quelquun: 'personne',
  },
  commonWords: new Set(),
  fillers: new Set([
    ...ENGLISH_FILLERS,
    ...wordSet(`merci bien alors donc bon ben euh ok daccord svp stp plait le la les je j ai c est ca et ou mais aussi encore deja
                 vraiment desole pardon mdr lol bonjour salut allez`),
  ]),
};
