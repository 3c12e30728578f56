// text-french (a warning; French apps only): what a Make user reads — labels, descriptions, help, option labels,
// error messages — reads as French.
import type { ComponentFiles, EmittedApp } from '../../emitted';
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { declaresFrench, languageMarkers, looksEnglish } from '../support/french';
import type { PathSegments } from '../../../lib/paths';
import { isPlainObject, quoteValue } from '../../../lib/values';
import { components, LABELLED_KINDS, nonBlankString, PARAMETER_CODES, requestsOf, walkParameters } from '../support/walk';

export const textFrench: Rule = {
  id: 'text-french',
  severity: 'warning',
  description: 'labels, descriptions, help, option labels and error messages read as French (heuristic, for an app that declares French)',
  hint: 'write it in French; quote Make UI names in « » and keep technical names (API Key, URL, JSON) as they are',
  check: (app, declarations) =>
    !declaresFrench(declarations)
      ? []
      : userTexts(app)
          .filter(({ text }) => looksEnglish(text))
          .map(({ file, segments, text }) => ({
            file,
            path: jsonPath(segments),
            message: `${quoteValue(text, 80)} reads as English (${languageMarkers(text).english.map((w) => `'${w}'`).join(', ')}); Make users of this app read French`,
          })),
};

interface UserText {
  file: string;
  segments: PathSegments;
  text: string;
}

/** Every text of the app that a Make user reads, with where it is. */
function userTexts(app: EmittedApp): UserText[] {
  const texts: UserText[] = [];
  const add = (file: string, segments: PathSegments, text: unknown): void => {
    if (nonBlankString(text)) texts.push({ file, segments, text });
  };
  for (const [type, key] of LABELLED_KINDS) {
    for (const component of components(app, key)) {
      for (const field of ['label', 'description']) add('makecomapp.json', ['components', type, component.id, field], component.meta?.[field]);
      for (const code of PARAMETER_CODES) {
        const file = component.paths?.[code];
        if (typeof file !== 'string') continue;
        for (const { param, segments } of walkParameters(component.codes?.[code])) {
          add(file, [...segments, 'label'], param.label);
          add(file, [...segments, 'help'], param.help);
          if (Array.isArray(param.options)) {
            param.options.forEach((option, index) => {
              if (isPlainObject(option)) {
                add(file, [...segments, 'options', index, 'label'], option.label);
                add(file, [...segments, 'options', index, 'description'], option.description);
              }
            });
          }
        }
      }
      texts.push(...errorMessages(component, 'communication'));
    }
  }
  if (typeof app.generalPaths?.base === 'string') texts.push(...messagesOf(app.general?.base, app.generalPaths.base));
  return texts;
}

function errorMessages(component: ComponentFiles, code: string): UserText[] {
  const file = component.paths?.[code];
  return typeof file === 'string' ? messagesOf(component.codes?.[code], file) : [];
}

/** `response.error` (a message, or messages per status) and `response.valid.message` of each request. */
function messagesOf(communication: unknown, file: string): UserText[] {
  const texts: UserText[] = [];
  for (const { request, segments } of requestsOf(communication)) {
    const response = request.response;
    if (!isPlainObject(response)) continue;
    const at = [...segments, 'response'];
    const error = response.error;
    if (typeof error === 'string') texts.push({ file, segments: [...at, 'error'], text: error });
    else if (isPlainObject(error)) {
      for (const [key, value] of Object.entries(error)) {
        if (key === 'message' && typeof value === 'string') texts.push({ file, segments: [...at, 'error', 'message'], text: value });
        else if (typeof value === 'string' && /^\d{3}$/.test(key)) texts.push({ file, segments: [...at, 'error', key], text: value });
        else if (isPlainObject(value) && typeof value.message === 'string') {
          texts.push({ file, segments: [...at, 'error', key, 'message'], text: value.message });
        }
      }
    }
    if (isPlainObject(response.valid) && typeof response.valid.message === 'string') {
      texts.push({ file, segments: [...at, 'valid', 'message'], text: response.valid.message });
    }
  }
  return texts.filter((t) => t.text.trim() !== '');
}
