// What a Make user reads, as Make's app review checks it: label-missing and description-missing (modules,
// connections, RPCs), text-french (labels, descriptions, help and error messages in French; warning),
// action-label-verb (an action's label starts with a French infinitive; warning), input-help (every input
// of a module or a connection has a help, nested and spec fields included).
import type { ComponentFiles, EmittedApp } from '../../emitted';
import { jsonPath, type Finding } from '../findings';
import { firstWord, isFrenchInfinitive, languageMarkers, looksEnglish } from './french';
import { components, isObject, nonBlankString, PARAMETER_CODES, quote, requestsOf, walkParameters, type Segments } from './walk';

const KINDS = [
  ['module', 'modules'],
  ['connection', 'connections'],
  ['rpc', 'rpcs'],
] as const;

export function checkLabels(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  for (const [type, key] of KINDS) {
    for (const component of components(app, key)) {
      const at = (field: string): string => jsonPath(['components', type, component.id, field]);
      if (!nonBlankString(component.meta?.label)) {
        findings.push({
          severity: 'error',
          rule: 'label-missing',
          file: 'makecomapp.json',
          path: at('label'),
          message: `${type} '${component.id}' has no label; Make shows the label wherever users pick the ${type}`,
          hint: `give '${component.id}' a label in French${type === 'module' ? ', starting with a verb (e.g. "Récupérer les contrats")' : ''}`,
        });
      }
      // Make's connections and RPCs have no description; modules need one (shown under the label).
      if (type === 'module' && !nonBlankString(component.meta?.description)) {
        findings.push({
          severity: 'error',
          rule: 'description-missing',
          file: 'makecomapp.json',
          path: at('description'),
          message: `module '${component.id}' has no description; Make shows it in the module picker and reviewers require it`,
          hint: `describe in one or two French sentences what '${component.id}' does and returns`,
        });
      }
    }
  }
  return findings;
}

export function checkActionLabels(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  for (const module of components(app, 'modules')) {
    const label = module.meta?.label;
    if (module.meta?.moduleType !== 'action' || !nonBlankString(label)) continue;
    const word = firstWord(label);
    if (isFrenchInfinitive(word)) continue;
    findings.push({
      severity: 'warning',
      rule: 'action-label-verb',
      file: 'makecomapp.json',
      path: jsonPath(['components', 'module', module.id, 'label']),
      message: `the label of action '${module.id}' (${quote(label)}) starts with '${word}', not with a French verb in the infinitive`,
      hint: 'start with what the action does, e.g. "Créer …", "Mettre à jour …", "Supprimer …", "Synchroniser …"',
    });
  }
  return findings;
}

// ---------------------------------------------------------------- text-french

interface UserText {
  file: string;
  segments: Segments;
  text: string;
}

/** Every text of the app that a Make user reads, with where it is. */
export function userTexts(app: EmittedApp): UserText[] {
  const texts: UserText[] = [];
  const add = (file: string, segments: Segments, text: unknown): void => {
    if (nonBlankString(text)) texts.push({ file, segments, text });
  };
  for (const [type, key] of KINDS) {
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
              if (isObject(option)) {
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
    if (!isObject(response)) continue;
    const at = [...segments, 'response'];
    const error = response.error;
    if (typeof error === 'string') texts.push({ file, segments: [...at, 'error'], text: error });
    else if (isObject(error)) {
      for (const [key, value] of Object.entries(error)) {
        if (key === 'message' && typeof value === 'string') texts.push({ file, segments: [...at, 'error', 'message'], text: value });
        else if (typeof value === 'string' && /^\d{3}$/.test(key)) texts.push({ file, segments: [...at, 'error', key], text: value });
        else if (isObject(value) && typeof value.message === 'string') {
          texts.push({ file, segments: [...at, 'error', key, 'message'], text: value.message });
        }
      }
    }
    if (isObject(response.valid) && typeof response.valid.message === 'string') {
      texts.push({ file, segments: [...at, 'valid', 'message'], text: response.valid.message });
    }
  }
  return texts.filter((t) => t.text.trim() !== '');
}

export function checkFrench(app: EmittedApp): Finding[] {
  return userTexts(app)
    .filter(({ text }) => looksEnglish(text))
    .map(({ file, segments, text }) => ({
      severity: 'warning' as const,
      rule: 'text-french',
      file,
      path: jsonPath(segments),
      message: `${quote(text, 80)} reads as English (${languageMarkers(text).english.map((w) => `'${w}'`).join(', ')}); Make users of this app read French`,
      hint: 'write it in French; quote Make UI names in « » and keep technical names (API Key, URL, JSON) as they are',
    }));
}

// ---------------------------------------------------------------- input-help

/** Parameters with nothing to explain: a banner is itself text, a hidden field is not shown. */
const SILENT_TYPES = new Set(['banner', 'hidden']);

export function checkInputHelp(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  const inputs: Array<[ComponentFiles, string, string]> = [
    ...components(app, 'modules').flatMap((m) => [[m, 'staticParams', 'module'], [m, 'mappableParams', 'module']] as Array<[ComponentFiles, string, string]>),
    ...components(app, 'connections').map((c) => [c, 'params', 'connection'] as [ComponentFiles, string, string]),
  ];
  for (const [component, code, type] of inputs) {
    const file = component.paths?.[code];
    if (typeof file !== 'string') continue;
    for (const { param, segments, via } of walkParameters(component.codes?.[code])) {
      // The item spec of an array is shown through its array's own help.
      if (via === 'item' || SILENT_TYPES.has(String(param.type)) || nonBlankString(param.help)) continue;
      const name = typeof param.name === 'string' ? param.name : '(no name)';
      findings.push({
        severity: 'error',
        rule: 'input-help',
        file,
        path: jsonPath(segments),
        message: `input '${name}'${nonBlankString(param.label) ? ` (${quote(param.label)})` : ''} of ${type} '${component.id}' has no help`,
        hint: `add a "help" in French that says what to enter in '${name}', with an example or the expected format`,
      });
    }
  }
  return findings;
}
