import type { LanguageAnalysis } from '../language';
import { wordSet } from '../language';
import { ENGLISH_FILLERS } from './english';
import { foldedWords, rememberedStems } from './foldedWords';
import { englishTechWords } from './shared';
import { snowballStemmer } from './snowball';

/** Spanish, accents folded ("caducó" = "caduco"), the Snowball stemmer. */
export const spanish: LanguageAnalysis = {
  code: 'es',
  words: (text) => foldedWords(text),
  stem: rememberedStems(snowballStemmer('es')),
  // Negations ("no", "nunca", "nada") and "nuevo", "otra vez", "antes", "despues" stay: they tell topics apart.
  stopWords: wordSet(
    `el la los las lo un una unos unas y e o u pero si que de del a al en con por para como
     yo me mi mis te tu tus su sus se le les nos usted ustedes nosotros
     es son esta estan este esto esa ese eso estoy soy fue era he ha han hay
     muy ya tambien solo algo alguien hola buenas buenos dias tardes noches gracias favor porfa ok vale bueno pues
     puedo puede pueden podria necesito quiero ayuda ayudar ayudame intente intentado
     cual cuando donde como porque por que`,
  ),
  synonyms: {
    ...englishTechWords('camara', 'microfono', 'enlace'),
    liga: 'enlace', vinculo: 'enlace',
    correo: 'email', correos: 'email', ecorreo: 'email',
    micro: 'microfono', mic: 'microfono',
    navegador: 'browser', explorador: 'browser',
    reclutador: 'recruiter', reclutadora: 'recruiter', reclutadores: 'recruiter', rrhh: 'recruiter', seleccion: 'recruiter',
    ordenador: 'computer', computadora: 'computer', portatil: 'computer', compu: 'computer',
    celular: 'movil', telefono: 'movil', cel: 'movil',
    q: 'que', pq: 'porque', xq: 'porque',
    web: 'pagina', sitio: 'pagina', plataforma: 'pagina', portal: 'pagina',
    pestana: 'ventana', humano: 'persona', agente: 'persona', alguien: 'persona',
  },
  commonWords: new Set(),
  fillers: new Set([
    ...ENGLISH_FILLERS,
    ...wordSet(`gracias ya pues bueno vale ok porfa favor por la el lo me mi eso esto es y o pero tambien todavia aun solo
                 perdon disculpa jaja hola si dale porfavor`),
  ]),
};
