// What the app accepts from Campus Skills, and how it tells a user that something else came. Every module checks
// that a 2xx response has the documented shape before it outputs anything (a maintenance page served with 200
// must never read as a success), and every message stays short whatever the API sends.
// The helpers return IML expressions (without braces) or templates, built only from functions Make documents.
import type { ResponseValid } from '../sdk/types';

/** How many problems, rejected contracts or reason lines a message lists before "… et N autres". */
export const MESSAGE_MAX_PROBLEMS = 10;

/** How many characters of an unexpected body a message quotes. */
export const EXCERPT_LENGTH = 200;

/** Concatenation of IML expressions, without `+` on text (whose meaning IML does not document). */
export function concat(...parts: string[]): string {
  return `join(add(emptyarray, ${parts.join(', ')}), emptystring)`;
}

/** The gist of a body in one short line: the title or first line of a text or HTML page, or the start of the JSON
 * that came; "réponse vide" when there is none. */
export function bodySummary(body: string): string {
  const json = `createJSON(${body})`;
  const title = `replace(${body}, '/^[\\s\\S]*?<title[^>]*>\\s*([\\s\\S]*?)\\s*<\\/title>[\\s\\S]*$/i', '$1')`;
  const firstLine = `replace(trim(${body}), '/[\\r\\n][\\s\\S]*$/', emptystring)`;
  const text = `if(contains(lower(${body}), '<title'), ${title}, ${firstLine})`;
  const gist = `if(substring(${json}, 0, 1) = '"', ${text}, ${json})`;
  return `if(${isEmpty(body)}, 'réponse vide', substring(${gist}, 0, ${EXCERPT_LENGTH}))`;
}

function isEmpty(body: string): string {
  return `ifempty(${body}, emptystring) = emptystring`;
}

/** `valid` for a 2xx response: `condition` says the body has the documented shape; otherwise the module stops with
 * a DataError naming what was expected and what came. */
export function expectShape(condition: string, expected: string): ResponseValid {
  return {
    condition: `{{${condition}}}`,
    message: unexpectedResponse(expected),
    type: 'DataError',
  };
}

/** The message of a response that is not the documented answer. */
export function unexpectedResponse(expected: string): string {
  const received = `if(${isEmpty('body')}, 'une réponse vide', ${concat(`'« '`, bodySummary('body'), `' »'`)})`;
  return `Réponse inattendue de Campus Skills. Attendu : ${expected}. Reçu : {{${received}}}. Réessayez plus tard ; si cela persiste, la plateforme est peut-être en maintenance.`;
}

/** A text of several lines cut after its first `MESSAGE_MAX_PROBLEMS + 1` lines (a summary, then one problem a
 * line), with "… et N autres" for the rest. */
export function firstLines(text: string): string {
  const kept = MESSAGE_MAX_PROBLEMS + 1;
  const lineCount = `(length(replace(${text}, '/[^\\n]/g', emptystring)) + 1)`;
  const head = `replace(${text}, '/^((?:[^\\n]*\\n){${kept}})[\\s\\S]*$/', '$1')`;
  return `if(${lineCount} > ${kept}, ${concat(head, `'… et '`, `${lineCount} - ${kept}`, `' autres'`)}, ${text})`;
}

/** The first `MESSAGE_MAX_PROBLEMS` items of `list`, each as `<code> (<reasons>)` (the reasons when the API gives
 * some), separated by "; ", then "… et N autres". `codeKey` and `reasonsKey` name the item's fields. */
export function listedItems(list: string, codeKey: string, reasonsKey: string): string {
  const items: string[] = [];
  for (let position = 1; position <= MESSAGE_MAX_PROBLEMS; position++) {
    const code = `ifempty(get(${list}, '${position}.${codeKey}'), '(sans code)')`;
    const reasons = `ifempty(get(${list}, '${position}.${reasonsKey}'), emptyarray)`;
    const reasonText = `if(length(${reasons}) > 0, ${concat(`' ('`, `join(${reasons}, ', ')`, `')'`)}, emptystring)`;
    const separator = position === 1 ? `emptystring` : `'; '`;
    items.push(`{{if(length(${list}) >= ${position}, ${concat(separator, code, reasonText)}, emptystring)}}`);
  }
  const more = `length(${list}) - ${MESSAGE_MAX_PROBLEMS}`;
  items.push(`{{if(${more} > 0, ${concat(`' … et '`, more, `' autres'`)}, emptystring)}}`);
  return items.join('');
}
