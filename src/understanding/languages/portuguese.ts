import type { LanguageAnalysis } from '../language';
import { wordSet } from '../language';
import { ENGLISH_FILLERS } from './english';
import { foldedWords, rememberedStems } from './foldedWords';
import { englishTechWords } from './shared';
import { snowballStemmer } from './snowball';

/** Words the stemmer would merge with others: "video" and "vida" (life) both stem to "vid". */
const KEPT_WHOLE: Readonly<Record<string, string>> = { video: 'video', videos: 'video' };
const snowball = snowballStemmer('pt');

/** Brazilian Portuguese, accents folded ("não" = "nao"), the Snowball stemmer. */
export const portuguese: LanguageAnalysis = {
  code: 'pt-BR',
  words: (text) => foldedWords(text),
  stem: rememberedStems((word) => KEPT_WHOLE[word] ?? snowball(word)),
  // "nao", "nunca", "nada", "novo", "de novo", "antes", "depois" stay. ("no", "na": "in the".)
  stopWords: wordSet(
    `o a os as um uma uns umas e ou mas se que de do da dos das no na nos nas em com por para pra pro pelo pela
     meu minha meus minhas seu sua seus suas eu voce vc ele ela eles elas me te lhe ao aos
     e esta estou sou foi era tem tenho ter ja muito tambem so ola oi bom dia boa tarde noite obrigado obrigada valeu
     favor pf ok preciso quero ajuda ajudar ajudem tentei posso pode podem consigo
     qual quando onde como porque`,
  ),
  synonyms: {
    ...englishTechWords('camera', 'microfone', 'link'),
    mic: 'microfone', micro: 'microfone',
    navegador: 'browser',
    recrutador: 'recruiter', recrutadora: 'recruiter', recrutadores: 'recruiter', rh: 'recruiter',
    computador: 'computer', notebook: 'computer', note: 'computer',
    celular: 'celular', cel: 'celular', telefone: 'celular', smartphone: 'celular',
    vc: 'voce', q: 'que', pq: 'porque', tb: 'tambem', tbm: 'tambem', nd: 'nada', n: 'nao',
    site: 'pagina', plataforma: 'pagina', portal: 'pagina',
    aba: 'janela', humano: 'pessoa', atendente: 'pessoa', alguem: 'pessoa',
  },
  commonWords: new Set(),
  fillers: new Set([
    ...ENGLISH_FILLERS,
    ...wordSet(`obrigado obrigada valeu ok entao bom ja eu o a e mas tambem ainda agora porfavor por favor desculpa kkk rs oi ola blz beleza ai pode pf pfv`),
  ]),
};
