// Two conservative heuristics for Make's review of a French app: is a text English rather than French,
// and is a word a French infinitive. Both err on the side of silence: a false alarm costs more than a miss.
import type { AppDeclarations } from '../rule';

/**
 * Whether the app declares French (`fr`, or a regional `fr-CA`): the only language whose words these lists know.
 * For another language the French rules check nothing, rather than flag every text.
 */
export function declaresFrench({ language }: AppDeclarations): boolean {
  return /^fr(?:[-_][a-z]{2})?$/i.test(language);
}

/**
 * Terms a French text may contain as they are: Make's and the API's own names. "API Key" is the label Make
 * users know for the key field (the platform's « Connecteur Make » page tells them to enter their token in the
 * field "API Key"; docs/api.md); quoted UI names of Make ("Target structure type") are removed before this list
 * applies.
 */
export const TECHNICAL_TERMS: readonly string[] = [
  'API Key', 'API key', 'API', 'URL', 'URI', 'ID', 'IML', 'JSON', 'XML', 'CSV', 'HTTP', 'HTTPS', 'OAuth', 'SDK',
  'Make', 'Array aggregator', 'Iterator', 'Webhook', 'Bearer',
  // HTTP methods, as a method list shows them.
  'GET', 'POST', 'PUT', 'PATCH', 'DELETE',
];

/** Common English words that are not French words (so "on", "or", "set", "date", "message" are not here). */
const ENGLISH = new Set(
  `the an and of to for from with without into onto your you yours this that these those is are was were be been
   being will would can could must should may might it its by in at if when where which what who whom whose how why
   all any each every not no yes only also please here there than then get gets list lists create creates update
   updates delete deletes remove removes search searches find finds retrieve retrieves fetch send sends add adds
   enter select choose new old value values field fields name names number contract contracts student students user
   users account accounts key keys token tokens password secret item items optional required default empty leave
   blank limit status error errors data record records returns return my our their his her them they we us do does
   done use used using watch watches listing getting results result too many much more most some other request
   requests response responses retry later again try failed fails invalid unknown missing found see check need
   needs want wants one two first last next previous before after about their there`
    .split(/\s+/)
    .filter(Boolean),
);

/** Common French words; any word with a French accent counts too. */
const FRENCH = new Set(
  `le la les l de des du d un une et à au aux en pour par sur sous dans avec sans est sont être avoir ce cet cette
   ces qui que qu ne n pas plus moins votre vos notre nos son sa ses leur leurs il elle ils elles nous vous je tout
   tous toute toutes si ou où mais donc car comme chaque aucun aucune nombre contrat contrats apprenant apprenants
   nom prénom jeton adresse choisissez cochez laissez vide entre lors afin dont même`
    .split(/\s+/)
    .filter(Boolean),
);

const ACCENTED = /[àâäçéèêëîïôöùûüÿœæ]/i;

/** Words of a text that a reader would take for English or French, once names and code are taken out. */
export function languageMarkers(text: string): { words: string[]; english: string[]; french: string[] } {
  let rest = text
    .replace(/\{\{[\s\S]*?\}\}/g, ' ') // IML
    .replace(/\b(?:https?|rpc):\/\/\S+/g, ' ') // URLs
    .replace(/\S+@\S+\.\S+/g, ' ') // email addresses
    .replace(/«[^»]*»|“[^”]*”|"[^"]*"|`[^`]*`/g, ' '); // quoted names (Make's UI, values)
  for (const term of [...TECHNICAL_TERMS].sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(`(^|[^\\p{L}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^\\p{L}])`, 'gu'), '$1 ');
  }
  const words = rest
    .split(/[^\p{L}\p{N}_.-]+/u)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
    // identifiers and codes: camelCase, digits, underscores, dots, dashes inside
    .filter((w) => w !== '' && !/[0-9_.]/.test(w) && !/\p{Ll}\p{Lu}/u.test(w) && !/-/.test(w))
    .map((w) => w.toLowerCase());
  return {
    words,
    english: words.filter((w) => ENGLISH.has(w)),
    french: words.filter((w) => FRENCH.has(w) || ACCENTED.test(w)),
  };
}

/**
 * True when a text reads as English: a short text made mostly of English words and no French one
 * ("Get contracts", "List of students"), or a longer one with more English words than French ones.
 */
export function looksEnglish(text: string): boolean {
  const { words, english, french } = languageMarkers(text);
  if (english.length === 0) return false;
  if (french.length === 0 && english.length * 2 >= words.length) return true;
  return english.length >= 2 && english.length > french.length;
}

/** French infinitives often used to start a module label; accepted whatever the rules below say. */
const KNOWN_VERBS = new Set(
  `tester simuler synchroniser réinitialiser récupérer créer mettre supprimer lister rechercher chercher obtenir
   envoyer ajouter modifier télécharger importer exporter archiver valider annuler lire écrire faire prendre
   vérifier transmettre surveiller inscrire exclure inclure conclure clore générer calculer convertir`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words with an infinitive's ending that are not French infinitives (French nouns, English verbs). */
const NOT_VERBS = new Set(
  `nombre autre notre votre entre contre titre centre membre ordre lettre chiffre offre livre filtre cadre
   premier dernier fichier dossier calendrier courrier panier papier métier quartier cahier clavier atelier
   entier léger cher fier hier hiver enfer super
   loisir plaisir désir avenir soir miroir espoir couloir tiroir comptoir trottoir réservoir
   filter enter order register transfer answer render trigger deliver discover recover power offer gather cover
   consider wonder lower user number header folder owner customer member letter paper water after never other
   under over ever per cancel clear
   require acquire expire hire fire retire desire admire inspire inquire wire
   share compare store restore ignore prepare declare care score explore adore more
   capture measure configure ensure secure assure figure feature structure procure cure endure`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a word (a label's first) is a French infinitive: -er, -ir, -oir, -re (with care for the -re words English shares). */
export function isFrenchInfinitive(word: string): boolean {
  const w = word.toLowerCase();
  if (KNOWN_VERBS.has(w)) return true;
  if (NOT_VERBS.has(w) || w.length < 4 || !/^\p{L}+$/u.test(w)) return false;
  if (/aire$/.test(w)) return /(faire|plaire|taire|traire)$/.test(w);
  if (/oire$/.test(w)) return /(boire|croire)$/.test(w);
  if (/ure$/.test(w)) return /clure$/.test(w);
  return /(er|ir|oir|dre|tre|vre|ire|ompre)$/.test(w);
}

/** The word a label starts with, past a reflexive "Se"/"S'". */
export function firstWord(label: string): string {
  const words = label
    .split(/[\s'’]+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter(Boolean);
  const reflexive = words[0]?.toLowerCase() === 'se' || words[0]?.toLowerCase() === 's';
  return (reflexive ? words[1] : words[0]) ?? '';
}
