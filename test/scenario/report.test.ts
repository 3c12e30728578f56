// The picture of a run (sdk/scenario/report.ts): the HTML page drawn from hand-made run reports (a straight
// flow, a router with two routes and filters, a run stopped on an error, and one full of markup), checked as
// text; then the page opened in headless Chromium with a `#module-N` hash, which must open that module's panel,
// checked on the DOM Chromium dumps after the page's script ran.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderRunReport } from '../../sdk/scenario/report';
import { layoutFlow } from '../../sdk/scenario/reportLayout';
import type { ModuleRunReport, ScenarioRunReport } from '../../sdk/scenario/runReport';

const contract = (n: number): Record<string, unknown> => ({
  codeContrat: `CTR-2025-00${n}`,
  nomApprenant: ['Martin', 'Bernard', 'Dubois'][n - 1],
  prenomApprenant: ['Léa', 'Hugo', 'Inès'][n - 1],
  dateDebut: '2025-09-01',
  dateFin: '2027-08-31',
});
const contracts = [1, 2, 3].map(contract);

/** The school's weekly scenario: its contracts → test the connection → aggregate → simulate → filter → sync. */
const WEEKLY: ScenarioRunReport = {
  scenario: 'Synchronisation hebdomadaire des contrats',
  modules: [
    { id: 1, module: 'json:ParseJSON', label: "Lire l'export des contrats", bundlesIn: [], bundlesOut: contracts, operations: 1 },
    {
      id: 2,
      module: 'app#campus-skills:testConnection',
      label: 'Tester la connexion',
      bundlesIn: contracts,
      bundlesOut: contracts.map(() => ({ valide: true, message: 'Connexion réussie', nomCompte: 'École Démo' })),
      operations: 3,
    },
    {
      id: 3,
      module: 'builtin:BasicAggregator',
      label: 'Agrégateur de tableaux',
      bundlesIn: contracts.map(() => ({ valide: true, message: 'Connexion réussie', nomCompte: 'École Démo' })),
      bundlesOut: [{ array: contracts, __IMTAGGLENGTH__: 3 }],
      operations: 1,
    },
    {
      id: 4,
      module: 'app#campus-skills:simulateSync',
      label: 'Simuler une synchronisation',
      bundlesIn: [{ contrats: contracts }],
      bundlesOut: [
        {
          same: [],
          added: ['CTR-2025-001', 'CTR-2025-002'],
          updated: ['CTR-2025-003'],
          removed: ['CTR-2024-042'],
          counts: { same: 0, added: 2, updated: 1, removed: 1 },
        },
      ],
      operations: 1,
    },
    {
      id: 5,
      module: 'app#campus-skills:syncContracts',
      label: 'Synchroniser les contrats',
      filter: { name: 'Peu de suppressions', passed: 1, blocked: 0 },
      bundlesIn: [{ contrats: contracts }],
      bundlesOut: [{ statut: 'OK', nombreTransmis: 3, nombreRejetes: 0, avertissement: '' }],
      operations: 1,
    },
  ],
  totalOperations: 7,
};

const learners = [{ email: 'lea.martin@example.org', statut: 'en cours' }, { email: 'hugo.bernard@example.org', statut: 'en cours' }, { email: 'ines.dubois@example.org', statut: 'terminé' }];

/** A listing, a router, and two routes each behind a filter (the second with two modules). */
const ROUTED: ScenarioRunReport = {
  scenario: 'Suivi des apprenants',
  modules: [
    { id: 1, module: 'app#campus-skills:listTransmittedContracts', label: 'Récupérer les contrats transmis', bundlesIn: [], bundlesOut: learners, operations: 1 },
    { id: 2, module: 'builtin:BasicRouter', label: 'Router', bundlesIn: learners, bundlesOut: learners, operations: 0 },
    {
      id: 3,
      module: 'app#campus-skills:getStudentValidations',
      label: "Récupérer les validations d'un étudiant",
      route: '1',
      filter: { name: 'Contrats en cours', passed: 2, blocked: 1 },
      bundlesIn: learners.slice(0, 2),
      bundlesOut: [{ sessions: [] }, { sessions: [] }],
      operations: 2,
    },
    {
      id: 4,
      module: 'app#campus-skills:syncAbsences',
      label: "Synchroniser les absences d'un apprenant",
      route: '2',
      filter: { name: 'Contrats terminés', passed: 1, blocked: 2 },
      bundlesIn: learners.slice(2),
      bundlesOut: [{ success: true, total: 4 }],
      operations: 1,
    },
    { id: 5, module: 'util:SetVariable2', label: 'Définir une variable', route: '2', bundlesIn: [{ success: true, total: 4 }], bundlesOut: [{ total: 4 }], operations: 1 },
  ],
  totalOperations: 5,
};

/** A run stopped by the simulation's error: the sync after it did not run. */
const FAILED: ScenarioRunReport = {
  scenario: 'Synchronisation hebdomadaire des contrats',
  modules: [
    { id: 1, module: 'json:ParseJSON', label: "Lire l'export des contrats", bundlesIn: [], bundlesOut: [{ contrats: contracts }], operations: 1 },
    { id: 2, module: 'app#campus-skills:simulateSync', label: 'Simuler une synchronisation', bundlesIn: [{ contrats: contracts }], bundlesOut: [], operations: 1 },
    { id: 3, module: 'app#campus-skills:syncContracts', label: 'Synchroniser les contrats', bundlesIn: [], bundlesOut: [], operations: 0 },
  ],
  totalOperations: 2,
  error: { moduleId: 2, bundle: 1, type: 'DataError', message: "La réponse n'a pas la forme attendue : un objet avec same, added, updated et removed était attendu, une page HTML « Maintenance » est venue." },
};

const SCRIPT_BREAK = '</script><script>document.body.setAttribute("data-pwned", "script")</script>';
const IMG = '<img src=x onerror="document.body.setAttribute(\'data-pwned\', \'img\')">';

/** Markup in every text the report carries. */
const HOSTILE: ScenarioRunReport = {
  scenario: `Scénario ${SCRIPT_BREAK}`,
  modules: [
    { id: 1, module: 'json:ParseJSON"><b>', label: IMG, bundlesIn: [], bundlesOut: [{ note: SCRIPT_BREAK, html: IMG, quote: `"'&` }], operations: 1 },
    {
      id: 2,
      module: 'app#campus-skills:syncContracts',
      label: '</text></svg><svg onload="document.body.setAttribute(\'data-pwned\', \'svg\')">',
      route: '1"><i>',
      filter: { name: '"><svg onload=alert(1)>', passed: 1, blocked: 0 },
      bundlesIn: [{ note: SCRIPT_BREAK, html: IMG }],
      bundlesOut: [],
      operations: 1,
    },
  ],
  totalOperations: 2,
  error: { moduleId: 2, type: '<i>DataError</i>', message: `</textarea>${IMG}` },
};

/** The start tag of the element with this id, as the page (or Chromium's DOM) writes it. */
function startTag(html: string, id: string): string {
  const tag = new RegExp(`<[a-z][a-z0-9]*\\b[^<>]*\\sid="${id}"[^<>]*>`).exec(html);
  if (!tag) throw new Error(`no element with id ${id}`);
  return tag[0];
}

/** The content of the section with this id (sections are not nested in the page). */
function section(html: string, id: string): string {
  const start = html.indexOf(startTag(html, id));
  return html.slice(start, html.indexOf('</section>', start));
}

const isHidden = (tag: string): boolean => /\shidden(?:=|\s|>)/.test(tag);

/** The page after its style sheet: what the report fills in (the style names every class). */
const bodyOf = (html: string): string => html.slice(html.indexOf('<body'));

/** Each bubble's label as the picture shows it, its lines joined by a space. */
function labelsDrawn(html: string): string[] {
  return [...html.matchAll(/<text class="label"[^>]*>(.*?)<\/text>/g)].map((m) => m[1].replace(/<\/tspan><tspan[^>]*>/g, ' ').replace(/<[^>]*>/g, ''));
}

/** Start tags with an event handler attribute (`onload=`), quoted attribute values left out. */
function handlerAttributes(html: string): string[] {
  return [...html.matchAll(/<[a-zA-Z][^<>]*>/g)].map((m) => m[0].replace(/"[^"]*"|'[^']*'/g, '""')).filter((tag) => /\son[a-z]+\s*=/i.test(tag));
}

/** Every element name the page contains: text that escaped escaping would add one. */
function tagNames(html: string): string[] {
  return [...new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase()))].sort();
}

const PAGE_TAGS = [
  'aside', 'body', 'button', 'circle', 'code', 'dd', 'details', 'div', 'dl', 'dt', 'g', 'h1', 'h2', 'h3', 'head', 'header', 'html', 'li',
  'main', 'meta', 'ol', 'p', 'path', 'pre', 'rect', 'script', 'section', 'span', 'strong', 'style', 'summary', 'svg', 'text', 'title', 'tspan',
];

describe('a straight flow', () => {
  const html = renderRunReport(WEEKLY);

  it('is one page with nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).not.toMatch(/\b(?:src|href)=/);
    expect(html).not.toMatch(/@import|url\(|@font-face/);
    // The one address in the page is SVG's namespace, which is a name, not something loaded.
    expect([...html.matchAll(/https?:\/\/[^\s"']+/g)].map((m) => m[0])).toEqual(['http://www.w3.org/2000/svg']);
    expect(tagNames(html).every((tag) => PAGE_TAGS.includes(tag))).toBe(true);
  });

  it('has a bubble and a panel per module, with its label and its badge', () => {
    for (const module of WEEKLY.modules) {
      const bubble = startTag(html, `bubble-${module.id}`);
      expect(bubble).toContain(`data-module="${module.id}"`);
      expect(startTag(html, `panel-${module.id}`)).toContain('hidden');
      expect(section(html, `panel-${module.id}`)).toContain(`<h2>${module.label.replace(/'/g, '&#39;')}</h2>`);
    }
    expect(html).toContain('<tspan x="0" dy="0">Lire l&#39;export des</tspan><tspan x="0" dy="16">contrats</tspan>');
    expect(html).toContain('<text y="4">3 op. · 3 bundles</text>');
    expect(html).toContain('<text y="4">1 op. · 1 bundle</text>');
    expect(html).toContain('<text class="meta" y="94">n° 4</text>');
  });

  it('links each module to the next, with the filter drawn on the link into the sync', () => {
    expect(html.match(/class="link next"/g)).toHaveLength(4);
    expect(html).not.toContain('link route');
    expect(html.match(/<g class="filter[ "]/g)).toHaveLength(1);
    expect(html).toContain('<text class="filter-name" y="-20">Peu de suppressions</text>');
    expect(html).toContain('<text class="filter-counts" y="30">✓ 1 passé · ✕ 0 bloqué</text>');
    expect(section(html, 'panel-5')).toContain('<div><dt>Filtre</dt><dd>« Peu de suppressions » : 1 passé, 0 bloqué</dd></div>');
  });

  it('gives the run’s total operations and no error', () => {
    expect(html).toContain('<dt>Opérations</dt><dd id="total-operations">7</dd>');
    expect(html).toContain('<body class="succeeded">');
    expect(html).toContain('Terminé sans erreur');
    expect(bodyOf(html)).not.toContain('error-banner');
    expect(bodyOf(html)).not.toContain('error-ring');
  });

  it('shows each bundle in and out in the panel, as indented JSON', () => {
    const panel = section(html, 'panel-4');
    expect(panel).toContain('<div><dt>Opérations</dt><dd>1</dd></div>');
    expect(panel).toContain('<div><dt>Bundles reçus</dt><dd>1</dd></div>');
    expect(panel).toContain('<div><dt>Bundles envoyés</dt><dd>1</dd></div>');
    expect(panel).toContain('<h3>Bundles reçus (1)</h3>');
    expect(panel).toContain('<h3>Bundles envoyés (1)</h3>');
    expect(panel).toContain('<pre>{\n  &quot;same&quot;: [],\n  &quot;added&quot;: [\n    &quot;CTR-2025-001&quot;,');
    expect(section(html, 'panel-1')).toContain('<p class="none">Aucun bundle reçu.</p>');
  });

  it('is the same bytes for the same report', () => {
    expect(renderRunReport(structuredClone(WEEKLY))).toBe(html);
  });

  it('allows its own script only, by its hash', () => {
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(html).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; script-src &#39;sha256-${hash}&#39;;`);
  });
});

describe('a router with two routes', () => {
  const html = renderRunReport(ROUTED);

  it('places the routes one under the other, the router between them', () => {
    const layout = layoutFlow(ROUTED.modules);
    expect(layout.placed.map(({ column, row }) => [column, row])).toEqual([[0, 0.5], [1, 0.5], [2, 0], [2, 1], [3, 1]]);
    expect(layout.links).toEqual([
      { from: 0, to: 1, kind: 'next' },
      { from: 1, to: 2, kind: 'route' },
      { from: 1, to: 3, kind: 'route' },
      { from: 3, to: 4, kind: 'next' },
    ]);
    expect({ columns: layout.columns, rows: layout.rows }).toEqual({ columns: 4, rows: 2 });
  });

  it('places nested routes in bands, and a route whose parent has no module off the main flow', () => {
    const m = (id: number, route?: string): ModuleRunReport => ({ id, module: 'builtin:BasicRouter', label: `m${id}`, route, bundlesIn: [], bundlesOut: [], operations: 0 });
    const layout = layoutFlow([m(1), m(2, '1'), m(3, '1.1'), m(4, '1.2'), m(5, '2'), m(6, '3.1')]);
    expect(layout.placed.map(({ column, row }) => [column, row])).toEqual([[0, 1.5], [1, 0.5], [2, 0], [2, 1], [1, 2], [1, 3]]);
    expect(layout.links.map(({ from, to }) => [from + 1, to + 1])).toEqual([[1, 2], [2, 3], [2, 4], [1, 5], [1, 6]]);
  });

  it('draws the routes as branches, each with its filter and counts', () => {
    expect(html.match(/class="link route"/g)).toHaveLength(2);
    expect(html.match(/class="link next"/g)).toHaveLength(2);
    // A route leaves the router (x 405, between the rows) in a curve, reaches its module's row 30% of the way
    // (x 480), and goes straight on to the module (x 655); its filter sits on the straight part.
    expect(html).toContain('class="link route" d="M405 215 C455 215 442.5 90 480 90 L655 90"');
    expect(html).toContain('class="link route" d="M405 215 C455 215 442.5 340 480 340 L655 340"');
    expect(html).toContain('<g class="filter blocking" transform="translate(549.5 90)">');
    expect(html).toContain('<g class="filter blocking" transform="translate(549.5 340)">');
    expect(html.match(/<g class="filter blocking"/g)).toHaveLength(2);
    expect(html).toContain('<text class="filter-name" y="-20">Contrats en cours</text>');
    expect(html).toContain('<text class="filter-counts" y="30">✓ 2 passés · ✕ 1 bloqué</text>');
    expect(html).toContain('<text class="filter-counts" y="30">✓ 1 passé · ✕ 2 bloqués</text>');
    expect(html).toContain('<text class="meta" y="110">n° 4 · route 2</text>');
    expect(html).toContain('<dt>Opérations</dt><dd id="total-operations">5</dd>');
  });

  it('names a filter without a name as such', () => {
    const unnamed = renderRunReport({ ...ROUTED, modules: ROUTED.modules.map((m) => (m.filter ? { ...m, filter: { ...m.filter, name: '' } } : m)) });
    expect(unnamed).toContain('<text class="filter-name" y="-20">sans nom</text>');
    expect(section(unnamed, 'panel-3')).toContain('<div><dt>Filtre</dt><dd>sans nom : 2 passés, 1 bloqué</dd></div>');
  });
});

describe('a run stopped on an error', () => {
  const html = renderRunReport(FAILED);

  it('rings the module in error and says the error under it, in the header and in its panel', () => {
    expect(html).toContain('<body class="failed">');
    expect(html).toContain('Arrêté sur une erreur');
    expect(startTag(html, 'bubble-2')).toMatch(/^<g class="module error" /);
    expect(bodyOf(html).match(/class="error-ring"/g)).toHaveLength(1);
    expect(html).toContain('<tspan class="error-title" x="0" dy="0">Erreur : DataError</tspan>');
    expect(html).toContain(
      '<strong>Erreur</strong> dans le module n° 2 « Simuler une synchronisation », bundle 1 : <span class="error-type">DataError</span> — <span class="error-message">La réponse n&#39;a pas la forme attendue',
    );
    const panel = section(html, 'panel-2');
    expect(panel).toContain('<p><strong>Erreur</strong> <span class="error-type">DataError</span> (bundle 1)</p>');
    expect(panel).toContain('une page HTML « Maintenance » est venue.</p>');
    expect(section(html, 'panel-1')).not.toContain('Erreur');
  });

  it('dims the module that did not run', () => {
    expect(startTag(html, 'bubble-3')).toMatch(/^<g class="module idle" /);
    expect(startTag(html, 'bubble-1')).toMatch(/^<g class="module" /);
    expect(section(html, 'panel-3')).toContain("Ce module n'a pas été exécuté");
  });

  it('names an error module the report does not have', () => {
    const other = renderRunReport({ ...FAILED, error: { moduleId: 9, type: 'RuntimeError', message: 'x' } });
    expect(other).toContain('dans le module n° 9 (absent du rapport)');
    expect(bodyOf(other)).not.toContain('error-ring');
  });
});

describe('markup in a report', () => {
  const html = renderRunReport(HOSTILE);

  it('is text: no element, attribute or script comes from the report', () => {
    expect(tagNames(html).every((tag) => PAGE_TAGS.includes(tag))).toBe(true);
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<svg onload|<b>|<i>|<\/textarea/i);
    // No start tag carries an event handler (the report's ' onload=' is inside attribute values, escaped).
    expect(handlerAttributes(html)).toEqual([]);
    expect(handlerAttributes('<g aria-label="&lt;svg onload=&quot;x"><svg onload="x">')).toEqual(['<svg onload="">']);
  });

  it('shows every text as it was written, escaped', () => {
    const script = '&lt;/script&gt;&lt;script&gt;document.body.setAttribute(&quot;data-pwned&quot;, &quot;script&quot;)&lt;/script&gt;';
    const img = '&lt;img src=x onerror=&quot;document.body.setAttribute(&#39;data-pwned&#39;, &#39;img&#39;)&quot;&gt;';
    expect(html).toContain(`<title>Scénario ${script} — exécution locale</title>`);
    expect(html).toContain(`<h1>Scénario ${script}</h1>`);
    expect(section(html, 'panel-1')).toContain(`<h2>${img}</h2>`);
    expect(section(html, 'panel-1')).toContain('<code>json:ParseJSON&quot;&gt;&lt;b&gt;</code>');
    // In JSON, a quote inside a string is written \" : the backslash stays, the quote is escaped.
    expect(section(html, 'panel-1')).toContain('&quot;note&quot;: &quot;&lt;/script&gt;&lt;script&gt;document.body.setAttribute(\\&quot;data-pwned\\&quot;');
    expect(section(html, 'panel-1')).toContain('&quot;quote&quot;: &quot;\\&quot;&#39;&amp;&quot;');
    expect(section(html, 'panel-2')).toContain('&lt;/text&gt;&lt;/svg&gt;&lt;svg onload=');
    expect(section(html, 'panel-2')).toContain('route 1&quot;&gt;&lt;i&gt;');
    expect(section(html, 'panel-2')).toContain('<dd>« &quot;&gt;&lt;svg onload=alert(1)&gt; » : 1 passé, 0 bloqué</dd>');
    expect(section(html, 'panel-2')).toContain(`<span class="error-type">&lt;i&gt;DataError&lt;/i&gt;</span>`);
    expect(section(html, 'panel-2')).toContain(`<p class="error-message">&lt;/textarea&gt;${img}</p>`);
    expect(startTag(html, 'bubble-2')).toContain('aria-label="&lt;/text&gt;&lt;/svg&gt;&lt;svg onload=&quot;');
  });
});

// ------------------------------------------------------------------------------------------------------------
// In a browser: Chromium (Debian's `chromium`; .ci/run installs it) loads the page with a hash and dumps the
// DOM once its script has run.

/** The first Chromium found on PATH, if any. */
function findChromium(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

const CHROMIUM = findChromium();
const NO_CHROMIUM = 'no Chromium on PATH (Debian: apt-get install -y chromium; .ci/run installs it)';
const work = mkdtempSync(join(tmpdir(), 'run-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The DOM of the page after its script ran, opened at `hash`, as `chromium --dump-dom` prints it. */
function domInChromium(chromium: string, report: ScenarioRunReport, name: string, hash: string): Promise<string> {
  const file = join(work, `${name}.html`);
  writeFileSync(file, renderRunReport(report));
  const args = ['--headless', '--disable-gpu', '--no-sandbox', `--user-data-dir=${join(work, `profile-${name}`)}`, '--dump-dom', `${pathToFileURL(file).href}${hash}`];
  return new Promise((resolve, reject) => {
    execFile(chromium, args, { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${chromium} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

describe('in headless Chromium', () => {
  it('opens the panel of the module the hash names, with the flow, the operations and that module’s bundles', async (context) => {
    if (!CHROMIUM) context.skip(NO_CHROMIUM);
    const dom = await domInChromium(CHROMIUM as string, WEEKLY, 'weekly', '#module-4');

    // What the flow shows: every module's label and badge, the filter, the run's operations.
    expect(labelsDrawn(dom)).toEqual(WEEKLY.modules.map((m) => m.label));
    expect(dom).toContain('<text y="4">3 op. · 3 bundles</text>');
    expect(dom).toContain('<text class="filter-name" y="-20">Peu de suppressions</text>');
    expect(dom).toMatch(/<dd id="total-operations">7<\/dd>/);

    // The script ran: the panel and module 4's section are shown, the others hidden, bubble 4 selected.
    expect(isHidden(startTag(dom, 'panel'))).toBe(false);
    expect(WEEKLY.modules.map((m) => isHidden(startTag(dom, `panel-${m.id}`)))).toEqual([true, true, true, false, true]);
    expect(startTag(dom, 'bubble-4')).toContain('class="module selected"');
    expect(startTag(dom, 'bubble-4')).toContain('aria-pressed="true"');
    const panel = section(dom, 'panel-4');
    expect(panel).toContain('<h2>Simuler une synchronisation</h2>');
    expect(panel).toContain('<h3>Bundles reçus (1)</h3>');
    expect(panel).toContain('<h3>Bundles envoyés (1)</h3>');
    expect(panel).toContain('"removed": [\n    "CTR-2024-042"\n  ],');
    expect(panel).toContain('"nomApprenant": "Martin",');
  }, 90_000);

  it('shows markup in a bundle as text, and runs nothing of it', async (context) => {
    if (!CHROMIUM) context.skip(NO_CHROMIUM);
    const dom = await domInChromium(CHROMIUM as string, HOSTILE, 'hostile', '#module-1');

    expect(dom).not.toContain('data-pwned=');
    expect(dom).not.toMatch(/<img|<svg onload|<b>|<i>/i);
    expect(handlerAttributes(dom)).toEqual([]);
    expect(dom.match(/<script/g)).toHaveLength(1);
    // The page's own script did run (the panel opened), and the bundle reads as written.
    expect(isHidden(startTag(dom, 'panel-1'))).toBe(false);
    const panel = section(dom, 'panel-1');
    expect(panel).toContain('"note": "&lt;/script&gt;&lt;script&gt;document.body.setAttribute(\\"data-pwned\\", \\"script\\")&lt;/script&gt;"');
    expect(panel).toContain('"html": "&lt;img src=x onerror=\\"document.body.setAttribute(\'data-pwned\', \'img\')\\"&gt;"');
    expect(dom).toContain('<h1>Scénario &lt;/script&gt;&lt;script&gt;');
  }, 90_000);
});
