// The picture of a local scenario run: one self-contained HTML page (inline CSS, inline SVG, one small inline
// script; nothing loaded from anywhere) that draws the flow as Make's scenario editor does. A bubble per module
// with its label under it and a badge with the operations it consumed and the bundles it output; dotted links
// between consecutive modules; a router's routes as branches (reportLayout.ts); the filter on a link drawn on
// it with its name and how many bundles it let through or stopped. The header gives the run's operations and,
// when the run stopped on an error, the module in error is ringed in red with the error's type and message.
// Clicking a bubble opens a side panel with the module's bundles in and out as pretty-printed JSON; the panel
// follows the address's hash (`#module-3` opens module 3's on load), so a link can point at one module.
//
// Every text of the report (scenario name, labels, module references, filter names, error, bundles) is
// HTML-escaped (reportText.ts) and the script reads none of it: the panels are written into the page, hidden,
// and the script only shows one. A Content-Security-Policy allows that one script (by its hash) and inline
// styles, nothing else, so even a text that escaped escaping could not run or load anything. The output depends
// on the report only: the same report gives the same bytes.

import { createHash } from 'node:crypto';
import { layoutFlow, type FlowLink, type PlacedModule } from './reportLayout';
import { countOf, escapeHtml, formatCount, prettyJson, shorten, wrapText } from './reportText';
import type { ModuleRunReport, ScenarioRunReport } from './runReport';

/** Geometry of the drawing, in pixels. */
const RADIUS = 36;
const COLUMN_WIDTH = 250;
const ROW_HEIGHT = 250;
const MARGIN_X = 30;
/** From the top of the drawing to the centre of the first row's bubbles: room for the badge. */
const FIRST_ROW = 90;
/** From the centre of the last row's bubbles to the bottom: the label, its second line and an error note. */
const BELOW_LAST_ROW = 200;
const LABEL_CHARS = 22;

/** How far the drawing shrinks to fit the window (as Make's editor zooms out) before the window scrolls. */
const MIN_SCALE = 0.7;

/** A module's bundles above this count are listed closed in the panel; below it they are open. */
const OPEN_BUNDLES = 10;

export function renderRunReport(report: ScenarioRunReport): string {
  const layout = layoutFlow(report.modules);
  const width = MARGIN_X * 2 + Math.max(layout.columns, 1) * COLUMN_WIDTH;
  const height = FIRST_ROW + Math.max(layout.rows - 1, 0) * ROW_HEIGHT + BELOW_LAST_ROW;
  const centre = (place: PlacedModule): Point => ({
    x: MARGIN_X + COLUMN_WIDTH / 2 + place.column * COLUMN_WIDTH,
    y: FIRST_ROW + place.row * ROW_HEIGHT,
  });
  const points = new Map(layout.placed.map((place) => [place.index, centre(place)]));
  const at = (index: number): Point => points.get(index) ?? { x: 0, y: 0 };
  const errorIndex = report.error ? report.modules.findIndex((m) => m.id === report.error?.moduleId) : -1;

  const drawing = report.modules.length === 0
    ? '<p class="empty">Aucun module dans ce rapport.</p>'
    : [
        `<svg xmlns="http://www.w3.org/2000/svg" class="flow" width="${width}" height="${height}" style="min-width: ${Math.round(width * MIN_SCALE)}px" viewBox="0 0 ${width} ${height}" role="img" aria-label="${attr(`Schéma du scénario ${report.scenario}`)}">`,
        '<g class="links">',
        ...layout.links.map((link) => drawLink(link, at(link.from), at(link.to), report.modules[link.to])),
        '</g>',
        '<g class="filters">',
        ...layout.links.flatMap((link) => {
          const filter = report.modules[link.to].filter;
          return filter ? [drawFilter(filter, linkShape(link, at(link.from), at(link.to)).filterAt)] : [];
        }),
        '</g>',
        '<g class="modules">',
        ...report.modules.map((module, index) => drawModule(module, at(index), index === errorIndex ? report.error : undefined)),
        '</g>',
        '</svg>',
      ].join('\n');

  const script = SCRIPT;
  const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
  const policy = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;

  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attr(policy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(report.scenario)} — exécution locale</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body class="${report.error ? 'failed' : 'succeeded'}">`,
    header(report),
    report.error ? errorBanner(report.error, errorIndex < 0 ? undefined : report.modules[errorIndex]) : '',
    '<div class="workspace">',
    `<main class="canvas">\n${drawing}\n</main>`,
    '<aside id="panel" class="panel" hidden aria-label="Bundles du module">',
    '<button type="button" id="panel-close" class="close" aria-label="Fermer" title="Fermer">×</button>',
    ...report.modules.map((module, index) => panel(module, index === errorIndex ? report.error : undefined)),
    '</aside>',
    '</div>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

type RunError = NonNullable<ScenarioRunReport['error']>;
interface Point {
  x: number;
  y: number;
}

/** Escaped element content. */
function text(value: unknown): string {
  return escapeHtml(String(value));
}

/** An escaped attribute value (written between double quotes). */
function attr(value: unknown): string {
  return escapeHtml(String(value));
}

/** A coordinate, rounded so that the output does not depend on floating-point noise. */
function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The key of a module in element ids and in the address's hash: its id, with anything unusual replaced. */
function moduleKey(module: ModuleRunReport): string {
  return String(module.id).replace(/[^0-9A-Za-z_.-]/g, '_');
}

/** A module that did nothing in this run: no operation, no bundle in or out (a route whose filter stopped all). */
function isIdle(module: ModuleRunReport): boolean {
  return module.operations === 0 && module.bundlesIn.length === 0 && module.bundlesOut.length === 0;
}

function labelOf(module: ModuleRunReport): string {
  return module.label.trim() === '' ? module.module : module.label;
}

/** `« Peu de suppressions »`, or `sans nom` for a filter Make shows without a name. */
function filterName(name: string): string {
  return name.trim() === '' ? 'sans nom' : `« ${name} »`;
}

function operationsText(n: number): string {
  return countOf(n, 'opération');
}

// ---------------------------------------------------------------------------------------------------- header

function header(report: ScenarioRunReport): string {
  const status = report.error ? 'Arrêté sur une erreur' : 'Terminé sans erreur';
  return [
    '<header class="top">',
    '<div class="heading">',
    `<h1>${text(report.scenario)}</h1>`,
    '<p class="hint">Exécution locale du scénario. Cliquez sur un module pour voir ses bundles.</p>',
    '</div>',
    '<dl class="totals">',
    `<div class="total"><dt>Opérations</dt><dd id="total-operations">${formatCount(report.totalOperations)}</dd></div>`,
    `<div class="total"><dt>Modules</dt><dd>${formatCount(report.modules.length)}</dd></div>`,
    `<div class="total status"><dt>Statut</dt><dd>${status}</dd></div>`,
    '</dl>',
    '</header>',
  ].join('\n');
}

function errorBanner(error: RunError, module: ModuleRunReport | undefined): string {
  const where = module
    ? `dans le module n° ${text(module.id)} « ${text(labelOf(module))} »`
    : `dans le module n° ${text(error.moduleId)} (absent du rapport)`;
  const bundle = error.bundle === undefined ? '' : `, bundle ${text(error.bundle)}`;
  return [
    '<div class="error-banner" role="alert">',
    `<strong>Erreur</strong> ${where}${bundle} : <span class="error-type">${text(error.type)}</span> — <span class="error-message">${text(error.message)}</span>`,
    '</div>',
  ].join('\n');
}

// --------------------------------------------------------------------------------------------------- drawing

/**
 * A link's path, from bubble centre to bubble centre (the bubbles hide the ends), and where its filter sits. A
 * route leaves its router in a curve over the first 30% of the way and reaches its module's row there; the
 * filter sits on the straight part that follows, clear of the curve, so that its texts never cross it.
 */
function linkShape(link: FlowLink, from: Point, to: Point): { path: string; filterAt: Point } {
  if (from.y === to.y) {
    return { path: `M${px(from.x)} ${px(from.y)} L${px(to.x)} ${px(to.y)}`, filterAt: { x: (from.x + to.x) / 2, y: to.y } };
  }
  const run = to.x - from.x;
  const curveEnd = from.x + run * 0.3;
  const path = `M${px(from.x)} ${px(from.y)} C${px(from.x + run * 0.2)} ${px(from.y)} ${px(curveEnd - run * 0.15)} ${px(to.y)} ${px(curveEnd)} ${px(to.y)} L${px(to.x)} ${px(to.y)}`;
  return { path, filterAt: { x: (curveEnd + to.x - RADIUS) / 2, y: to.y } };
}

/** A dotted link, as Make draws them; fainter into a module that did not run. */
function drawLink(link: FlowLink, from: Point, to: Point, target: ModuleRunReport): string {
  return `<path class="link ${link.kind}${isIdle(target) ? ' idle' : ''}" d="${linkShape(link, from, to).path}"/>`;
}

/** The filter on a link: a funnel on it, the word and the filter's name above, its counts below. */
function drawFilter(filter: NonNullable<ModuleRunReport['filter']>, at: Point): string {
  const counts = `✓ ${countOf(filter.passed, 'passé')} · ✕ ${countOf(filter.blocked, 'bloqué')}`;
  const title = `Filtre ${filterName(filter.name)} : ${countOf(filter.passed, 'bundle passé', 'bundles passés')}, ${countOf(filter.blocked, 'bloqué')}`;
  return [
    `<g class="filter${filter.blocked > 0 ? ' blocking' : ''}" transform="translate(${px(at.x)} ${px(at.y)})">`,
    `<title>${text(title)}</title>`,
    '<text class="filter-word" y="-36">Filtre</text>',
    `<text class="filter-name" y="-20">${text(filter.name.trim() === '' ? 'sans nom' : shorten(filter.name, LABEL_CHARS))}</text>`,
    '<circle class="funnel-disc" r="12"/>',
    '<path class="funnel" d="M-6 -5 H6 L1.5 1 V6 L-1.5 4 V1 Z"/>',
    `<text class="filter-counts" y="30">${text(counts)}</text>`,
    '</g>',
  ].join('\n');
}

/** The colour of a module's bubble: Make's green for its own tools, one colour per app otherwise. */
function bubbleColour(module: ModuleRunReport): string {
  if (module.module.startsWith('builtin:')) return '#2fae6f';
  const app = appName(module);
  let hash = 0;
  for (const c of app) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return APP_COLOURS[hash % APP_COLOURS.length];
}

const APP_COLOURS = ['#6d00cc', '#1f7ae0', '#d6336c', '#e8590c', '#0c8599', '#5f3dc4', '#c2255c', '#2b8a3e'];

/** `app#campus-skills:testConnection` → `campus-skills`; `json:ParseJSON` → `json`. */
function appName(module: ModuleRunReport): string {
  return module.module.replace(/^app#/, '').split(':')[0] ?? module.module;
}

/** What the bubble shows: an icon for the flow tools, else the app's initials. */
function glyph(module: ModuleRunReport): string {
  const tool = module.module.startsWith('builtin:') ? module.module.slice('builtin:'.length) : '';
  if (tool === 'BasicRouter') {
    return '<g class="glyph"><path d="M-15 0 H-3 M-3 0 L12 -12 M-3 0 H12 M-3 0 L12 12"/><circle cx="-15" cy="0" r="3"/><circle cx="12" cy="-12" r="3"/><circle cx="12" cy="0" r="3"/><circle cx="12" cy="12" r="3"/></g>';
  }
  if (/Aggregator$/.test(tool)) {
    return '<g class="glyph"><path d="M-14 -12 L2 0 M-14 0 H2 M-14 12 L2 0 M2 0 H14"/><circle cx="14" cy="0" r="3"/></g>';
  }
  if (tool === 'BasicFeeder') {
    return '<g class="glyph"><path d="M-14 0 H-2 M-2 0 L14 -12 M-2 0 H14 M-2 0 L14 12"/><circle cx="-14" cy="0" r="3"/></g>';
  }
  const words = (tool || appName(module)).split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).filter((w) => w !== '');
  const initials = words.length >= 2 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 2);
  return `<text class="initials" y="7">${text(initials.toUpperCase())}</text>`;
}

function drawModule(module: ModuleRunReport, at: Point, error: RunError | undefined): string {
  const key = moduleKey(module);
  const label = labelOf(module);
  const badge = `${formatCount(module.operations)} op. · ${countOf(module.bundlesOut.length, 'bundle')}`;
  const badgeWidth = Math.round([...badge].length * 6.4 + 20);
  const meta = `n° ${module.id}${module.route === undefined ? '' : ` · route ${module.route}`}`;
  const summary = `${label} : ${operationsText(module.operations)}, ${countOf(module.bundlesIn.length, 'bundle reçu', 'bundles reçus')}, ${countOf(module.bundlesOut.length, 'bundle envoyé', 'bundles envoyés')}${error ? `, Erreur ${error.type}` : ''}`;
  const classes = ['module', error ? 'error' : '', isIdle(module) ? 'idle' : ''].filter((c) => c !== '').join(' ');
  const labelLines = wrapText(label, LABEL_CHARS, 3);
  const labelTop = RADIUS + 24;
  const metaY = labelTop + labelLines.length * 16 + 2;
  const lines = [
    `<g class="${classes}" id="bubble-${attr(key)}" data-module="${attr(key)}" role="button" tabindex="0" aria-pressed="false" aria-label="${attr(summary)}" transform="translate(${px(at.x)} ${px(at.y)})">`,
    `<title>${text(summary)}</title>`,
    error ? `<circle class="error-ring" r="${RADIUS + 7}"/>` : '',
    `<circle class="selection-ring" r="${RADIUS + 13}"/>`,
    `<circle class="bubble" r="${RADIUS}" fill="${bubbleColour(module)}"/>`,
    glyph(module),
    `<g class="badge" transform="translate(0 ${-RADIUS - 16})">`,
    `<rect x="${-badgeWidth / 2}" y="-11" width="${badgeWidth}" height="22" rx="11"/>`,
    `<text y="4">${text(badge)}</text>`,
    '</g>',
    error ? `<g class="error-mark" transform="translate(${px(-RADIUS * 0.72)} ${px(-RADIUS * 0.72)})"><circle r="10"/><text y="5">!</text></g>` : '',
    `<text class="label" y="${labelTop}">${labelLines.map((line, i) => `<tspan x="0" dy="${i === 0 ? 0 : 16}">${text(line)}</tspan>`).join('')}</text>`,
    `<text class="meta" y="${metaY}">${text(meta)}</text>`,
    error ? errorNote(error, metaY + 22) : '',
    '</g>',
  ];
  return lines.filter((line) => line !== '').join('\n');
}

/** Under the module in error: « Erreur : type », then the start of the message (the panel has it whole). */
function errorNote(error: RunError, top: number): string {
  const message = wrapText(error.message, 30, 2);
  return [
    `<text class="error-note" y="${top}"><tspan class="error-title" x="0" dy="0">Erreur : ${text(shorten(error.type, 24))}</tspan>`,
    ...message.map((line) => `<tspan x="0" dy="15">${text(line)}</tspan>`),
    '</text>',
  ].join('');
}

// ----------------------------------------------------------------------------------------------------- panel

function panel(module: ModuleRunReport, error: RunError | undefined): string {
  const key = moduleKey(module);
  const facts: Array<[string, string]> = [
    ['Opérations', formatCount(module.operations)],
    ['Bundles reçus', formatCount(module.bundlesIn.length)],
    ['Bundles envoyés', formatCount(module.bundlesOut.length)],
  ];
  if (module.filter) {
    const { name, passed, blocked } = module.filter;
    facts.push(['Filtre', `${filterName(name)} : ${countOf(passed, 'passé')}, ${countOf(blocked, 'bloqué')}`]);
  }
  const route = module.route === undefined ? '' : ` · route ${text(module.route)}`;
  return [
    `<section id="panel-${attr(key)}" class="module-panel${error ? ' error' : ''}" data-module="${attr(key)}" hidden>`,
    `<h2>${text(labelOf(module))}</h2>`,
    `<p class="meta">Module n° ${text(module.id)} · <code>${text(module.module)}</code>${route}</p>`,
    isIdle(module) ? '<p class="idle-note">Ce module n\'a pas été exécuté dans cette exécution.</p>' : '',
    '<dl class="facts">',
    ...facts.map(([name, value]) => `<div><dt>${name}</dt><dd>${text(value)}</dd></div>`),
    '</dl>',
    error ? panelError(error) : '',
    bundleList('in', 'Bundles reçus', module.bundlesIn, 'Aucun bundle reçu.'),
    bundleList('out', 'Bundles envoyés', module.bundlesOut, 'Aucun bundle envoyé.'),
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function panelError(error: RunError): string {
  const bundle = error.bundle === undefined ? '' : ` (bundle ${text(error.bundle)})`;
  return [
    '<div class="panel-error" role="alert">',
    `<p><strong>Erreur</strong> <span class="error-type">${text(error.type)}</span>${bundle}</p>`,
    `<p class="error-message">${text(error.message)}</p>`,
    '</div>',
  ].join('\n');
}

function bundleList(kind: 'in' | 'out', title: string, bundles: readonly unknown[], none: string): string {
  const heading = `<h3>${title} (${formatCount(bundles.length)})</h3>`;
  if (bundles.length === 0) return `<div class="bundles ${kind}">\n${heading}\n<p class="none">${none}</p>\n</div>`;
  const open = bundles.length <= OPEN_BUNDLES;
  const items = bundles.map(
    (bundle, i) => `<li><details${open || i === 0 ? ' open' : ''}><summary>Bundle ${i + 1}</summary><pre>${text(prettyJson(bundle))}</pre></details></li>`,
  );
  return [`<div class="bundles ${kind}">`, heading, '<ol>', ...items, '</ol>', '</div>'].join('\n');
}

// ------------------------------------------------------------------------------------------- style and script

const STYLE = `
:root { color-scheme: light; --ink: #1d1d2c; --muted: #6b6b80; --line: #c3c6d1; --accent: #6d00cc; --error: #d92d3a; --ok: #1f8a4c; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f4f4f7; }
.top { display: flex; align-items: center; justify-content: space-between; gap: 24px; padding: 12px 24px; background: #fff; border-bottom: 1px solid #e3e3ea; }
.top h1 { margin: 0; font-size: 20px; font-weight: 650; }
.hint { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
.totals { display: flex; gap: 12px; margin: 0; }
.total { padding: 6px 14px; border-radius: 10px; background: #f1ebfb; white-space: nowrap; text-align: center; }
.total dt { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.total dd { margin: 0; font-size: 20px; font-weight: 700; color: var(--accent); }
.total.status dd { font-size: 14px; line-height: 28px; }
.succeeded .total.status { background: #e6f5ec; } .succeeded .total.status dd { color: var(--ok); }
.failed .total.status { background: #fde8ea; } .failed .total.status dd { color: var(--error); }
.error-banner { padding: 10px 24px; background: #fde8ea; color: #8a1020; border-bottom: 1px solid #f5b5bc; overflow-wrap: anywhere; }
.error-banner strong, .error-type { font-weight: 700; }
.workspace { flex: 1; display: flex; min-height: 0; }
.canvas { flex: 1; overflow: auto; background-color: #f4f4f7; background-image: radial-gradient(#d9d9e3 1px, transparent 1px); background-size: 20px 20px; }
.empty { padding: 24px; color: var(--muted); }
.flow { display: block; margin: 0 auto; max-width: 100%; height: auto; }
.flow text { font-family: inherit; text-anchor: middle; }
.link { fill: none; stroke: var(--line); stroke-width: 6; stroke-linecap: round; stroke-dasharray: 0 11; }
.link.idle { stroke: #dfe1e7; }
.filter .funnel-disc { fill: #fff; stroke: #9aa0ad; stroke-width: 1.5; }
.filter .funnel { fill: #6b6b80; }
.filter.blocking .funnel-disc { stroke: #e8590c; } .filter.blocking .funnel { fill: #e8590c; }
.filter-word { font-size: 10px; text-transform: uppercase; letter-spacing: .06em; fill: var(--muted); }
.filter-name { font-size: 12px; font-weight: 600; fill: var(--ink); }
.filter-counts { font-size: 11px; fill: var(--muted); }
.module { cursor: pointer; outline: none; }
.module .bubble { stroke: #fff; stroke-width: 4; filter: drop-shadow(0 2px 3px rgba(29, 29, 44, .25)); }
.module:hover .bubble { filter: drop-shadow(0 3px 6px rgba(29, 29, 44, .4)); }
.module .selection-ring { fill: none; stroke: transparent; stroke-width: 3; }
.module.selected .selection-ring, .module:focus-visible .selection-ring { stroke: var(--accent); stroke-dasharray: 5 4; }
.module.idle { opacity: .45; }
.glyph path { fill: none; stroke: #fff; stroke-width: 3; stroke-linecap: round; stroke-linejoin: round; }
.glyph circle { fill: #fff; }
.initials { font-size: 22px; font-weight: 700; fill: #fff; letter-spacing: .02em; }
.badge rect { fill: #fff; stroke: #d5d5e0; }
.badge text { font-size: 11px; font-weight: 650; fill: var(--ink); }
.label { font-size: 13px; font-weight: 600; fill: var(--ink); }
.meta { font-size: 11px; fill: var(--muted); }
.error-ring { fill: none; stroke: var(--error); stroke-width: 4; }
.module.error .badge rect { stroke: var(--error); }
.error-mark circle { fill: var(--error); stroke: #fff; stroke-width: 2; }
.error-mark text { font-size: 14px; font-weight: 800; fill: #fff; }
.error-note { font-size: 11px; fill: var(--error); }
.error-title { font-weight: 700; }
.panel { width: 460px; max-width: 50vw; overflow: auto; padding: 16px 20px 32px; background: #fff; border-left: 1px solid #e3e3ea; position: relative; }
.panel[hidden] { display: none; }
.close { position: absolute; top: 8px; right: 10px; border: 0; background: none; font-size: 24px; line-height: 1; color: var(--muted); cursor: pointer; }
.module-panel h2 { margin: 0 28px 2px 0; font-size: 18px; }
.module-panel .meta { margin: 0 0 12px; font-size: 12px; color: var(--muted); }
.module-panel code { font-size: 12px; overflow-wrap: anywhere; }
.idle-note { color: var(--muted); font-style: italic; }
.facts { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 0 0 12px; }
.facts div { display: contents; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.panel-error { margin: 0 0 12px; padding: 8px 12px; border-radius: 8px; background: #fde8ea; color: #8a1020; }
.panel-error p { margin: 0; overflow-wrap: anywhere; }
.panel-error .error-message { margin-top: 4px; white-space: pre-wrap; }
.bundles h3 { margin: 16px 0 6px; font-size: 14px; }
.bundles ol { list-style: none; margin: 0; padding: 0; }
.bundles li { margin: 0 0 6px; border: 1px solid #e3e3ea; border-radius: 8px; }
.bundles summary { padding: 4px 10px; cursor: pointer; font-weight: 600; background: #f7f5fb; border-radius: 8px; }
.bundles pre { margin: 0; padding: 8px 10px; font: 12px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.none { color: var(--muted); margin: 0; }
`;

/**
 * Shows the panel of the module the address's hash names (`#module-3`), on load and when the hash changes; a
 * click (or Enter) on a bubble sets the hash, the close button and Escape clear it. It reads nothing but the
 * hash and the page's own `data-module` attributes.
 */
const SCRIPT = `
(function () {
  'use strict';
  var panel = document.getElementById('panel');
  var sections = panel.querySelectorAll('.module-panel');
  var bubbles = document.querySelectorAll('g.module');
  function show(key) {
    var open = false;
    for (var i = 0; i < sections.length; i++) {
      var match = key !== null && sections[i].getAttribute('data-module') === key;
      sections[i].hidden = !match;
      if (match) open = true;
    }
    // The panel first: it narrows the drawing, and the selected bubble is then brought into view.
    panel.hidden = !open;
    for (var j = 0; j < bubbles.length; j++) {
      var selected = open && bubbles[j].getAttribute('data-module') === key;
      bubbles[j].classList.toggle('selected', selected);
      bubbles[j].setAttribute('aria-pressed', selected ? 'true' : 'false');
      if (selected && bubbles[j].scrollIntoView) bubbles[j].scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }
  function fromHash() {
    var match = /^#module-([0-9A-Za-z_.-]+)$/.exec(window.location.hash);
    show(match ? match[1] : null);
  }
  function select(key) {
    if (window.location.hash === '#module-' + key) fromHash();
    else window.location.hash = 'module-' + key;
  }
  function close() {
    try {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    } catch (e) {
      window.location.hash = '';
    }
    show(null);
  }
  for (var k = 0; k < bubbles.length; k++) {
    bubbles[k].addEventListener('click', function () { select(this.getAttribute('data-module')); });
    bubbles[k].addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(this.getAttribute('data-module'));
      }
    });
  }
  document.getElementById('panel-close').addEventListener('click', close);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !panel.hidden) close();
  });
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
`;
