// The users' documentation of an app's modules, generated from the emitted app (what ships to Make): per module
// its description, type and cost in Make operations, its inputs and outputs as tables (nested fields included, at
// the place where their value is), and its sample output. The app gives the title, the introduction and the
// closing sections; the words of Make's concepts come from a DocWording (sdk/docs/wording.ts).
import { isPlainObject } from '../../lib/values';
import type { ComponentFiles, EmittedApp } from '../emitted';
import { parameterFields, rpcSource, staticOptions, type ParameterField } from '../compare/parameterTree';
import { FRENCH, type DocWording } from './wording';

export interface ModulesDocFragments {
  /** Lines before the title (a "generated, do not edit" comment). */
  header?: string;
  /** The document's title, without `#`. */
  title: string;
  /** Markdown after the title. */
  intro: string;
  /** Markdown sections after the modules, each starting with its `##` heading. */
  closing: string[];
}

export function modulesDoc(app: EmittedApp, fragments: ModulesDocFragments, wording: DocWording = FRENCH): string {
  const sections = moduleSections(app, wording);
  const parts: string[] = [];
  if (fragments.header) parts.push(fragments.header.trimEnd());
  parts.push(`# ${fragments.title}`, fragments.intro.trim(), wording.operationsNote);
  parts.push(
    `## ${wording.headings.contents}`,
    sections
      .map(({ label, modules }) => `- **${label}** : ${modules.map((m) => `[${text(m.meta.label, m.id)}](#${slug(moduleHeading(m))})`).join(', ')}`)
      .join('\n'),
  );
  for (const { label, modules } of sections) {
    parts.push(`## ${label}`);
    for (const module of modules) parts.push(moduleDoc(app, module, wording));
  }
  parts.push(...fragments.closing.map((section) => section.trim()));
  return `${parts.join('\n\n')}\n`;
}

/** The modules by group, in the groups' order; modules in no group last. */
function moduleSections(app: EmittedApp, wording: DocWording): Array<{ label: string; modules: ComponentFiles[] }> {
  const groups = Array.isArray(app.general.groups) ? app.general.groups.filter(isPlainObject) : [];
  const placed = new Set<string>();
  const sections: Array<{ label: string; modules: ComponentFiles[] }> = [];
  for (const group of groups) {
    const ids = Array.isArray(group.modules) ? group.modules.filter((id): id is string => typeof id === 'string') : [];
    const modules = ids.filter((id) => id in app.modules && !placed.has(id)).map((id) => app.modules[id]);
    for (const module of modules) placed.add(module.id);
    if (modules.length > 0) sections.push({ label: text(group.label, ''), modules });
  }
  const rest = Object.values(app.modules).filter((m) => !placed.has(m.id));
  if (rest.length > 0) sections.push({ label: sections.length === 0 ? wording.headings.modules : wording.headings.otherModules, modules: rest });
  return sections;
}

function moduleHeading(module: ComponentFiles): string {
  return `${text(module.meta.label, module.id)} (\`${module.id}\`)`;
}

function moduleDoc(app: EmittedApp, module: ComponentFiles, wording: DocWording): string {
  const type = text(module.meta.moduleType, '');
  const crud = typeof module.meta.actionCrud === 'string' ? wording.crud[module.meta.actionCrud] : undefined;
  const typeName = `${wording.moduleTypes[type] ?? type}${crud ? ` (${crud})` : ''}`;
  const inputs = [...parameterFields(module.codes.staticParams), ...parameterFields(module.codes.mappableParams)];
  const outputs = parameterFields(module.codes.interface);
  const parts = [
    `### ${moduleHeading(module)}`,
    text(module.meta.description, '').trim(),
    [`- **${wording.typeLine}** : ${typeName}`, `- **${wording.operationsLine}** : ${wording.operations[type] ?? '?'}`].join('\n'),
    `#### ${wording.headings.inputs}`,
    inputs.length === 0 ? wording.noInputs : inputsTable(app, inputs, wording),
    `#### ${wording.headings.outputs}`,
    outputs.length === 0 ? wording.noOutputs : outputsTable(outputs, wording),
  ];
  const samples = module.codes.samples;
  if (samples !== undefined && !(isPlainObject(samples) && Object.keys(samples).length === 0)) {
    parts.push(`#### ${type === 'search' ? wording.headings.searchExample : wording.headings.example}`, `\`\`\`json\n${JSON.stringify(samples, null, 2)}\n\`\`\``);
  }
  return parts.join('\n\n');
}

function inputsTable(app: EmittedApp, fields: ParameterField[], wording: DocWording): string {
  const { columns } = wording;
  const rows = fields.map((field) => {
    const { param } = field;
    const help = [text(param.help, ''), ...extras(app, param, wording)].filter(Boolean).join(' ');
    return row([fieldCell(field, wording), cell(text(param.label, '')), typeCell(param, wording), param.required === true ? wording.yes : wording.no, cell(help)]);
  });
  return [row([columns.field, columns.label, columns.type, columns.required, columns.help]), '|---|---|---|---|---|', ...rows].join('\n');
}

function outputsTable(fields: ParameterField[], wording: DocWording): string {
  const { columns } = wording;
  const rows = fields.map((field) => row([fieldCell(field, wording), cell(text(field.param.label, '')), typeCell(field.param, wording)]));
  return [row([columns.field, columns.label, columns.type]), '|---|---|---|', ...rows].join('\n');
}

/** `contrats[].dateDebut`, or `email` (si `searchBy` = `email`). */
function fieldCell(field: ParameterField, wording: DocWording): string {
  const name = `\`${field.path}\``;
  if (field.option) return `${name} (${wording.shownWhen(`\`${field.option.selectPath}\``, code(field.option.value))})`;
  if (field.nestedIn) return `${name} (${wording.shownWhenFilled(`\`${field.nestedIn}\``)})`;
  return name;
}

function typeCell(param: Record<string, unknown>, wording: DocWording): string {
  const type = text(param.type, '');
  return cell(`${wording.parameterTypes[type] ?? type}${param.multiple === true ? wording.multiple : ''}`);
}

/** What the help of an input does not say and the spec does: its values, where its options come from, its default. */
function extras(app: EmittedApp, param: Record<string, unknown>, wording: DocWording): string[] {
  const found: string[] = [];
  const options = staticOptions(param);
  if (options !== undefined && options.length > 0) {
    found.push(wording.values(options.map((o) => `${code(o.value)}${o.label !== undefined && o.label !== String(o.value) ? ` (${o.label})` : ''}`).join(', ')));
  }
  const rpc = rpcSource(param.options);
  if (rpc !== undefined) found.push(wording.optionsFrom(text(app.rpcs[rpc]?.meta.label, rpc)));
  if (param.default !== undefined) found.push(wording.defaultValue(code(param.default)));
  return found;
}

// ------------------------------------------------------------------------------------------------ Markdown

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Text for a table cell: one line, pipes escaped. */
function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A value in code quotes: `absence`, `300`, `true`. */
function code(value: unknown): string {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return shown.includes('`') ? `\`\` ${shown} \`\`` : `\`${shown}\``;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** The anchor a Markdown renderer such as GitHub's gives a heading: lower case, punctuation dropped, spaces as '-'. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}
