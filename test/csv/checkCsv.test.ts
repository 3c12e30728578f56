// The check of a school's CSV export (api/csv): the file (encoding, separator, quotes, empty lines), its
// header, each record's cell count, and the contract schema and rules 1-5, each problem on the file's line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContractsCsv, formatProblem, type CsvCheck } from '../../api/csv';
import { contracts, toCsv, type Row } from './helpers';

const FIXTURES = join(__dirname, '..', 'fixtures', 'csv');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

const check = (text: string | Buffer): CsvCheck => checkContractsCsv(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
/** The problems as the command prints them. */
const printed = (result: CsvCheck): string[] => result.problems.map(formatProblem);

/** Three valid contracts, changed by `edit` (rows 0..2 are on lines 2..4). */
function rows(edit: (rows: Row[]) => void = () => {}): Row[] {
  const list = contracts(3);
  edit(list);
  return list;
}

describe('a clean file', () => {
  it('as Excel writes "CSV UTF-8": BOM, ";", CRLF, quoted cells with ";", quotes and line breaks', () => {
    const result = check(fixture('excel-point-virgule.csv'));
    expect(printed(result)).toEqual([]);
    expect(result.separator).toBe(';');
    expect(result.bom).toBe(true);
    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 6]);
    expect(result.rows[0].contract.nomEntreprise).toBe('Boulangerie "Au Bon Pain"; SARL');
    expect(result.rows[1].contract.missionDetails).toBe('Accueil des clients ;\nsuivi des commandes "urgentes"\net inventaire.');
    // The BOM is not part of the first column's name.
    expect(Object.keys(result.rows[0].contract)[0]).toBe('codeContrat');
  });

  it('with "," and LF, no BOM: the same contracts', () => {
    const result = check(fixture('virgule.csv'));
    expect(printed(result)).toEqual([]);
    expect(result.separator).toBe(',');
    expect(result.bom).toBe(false);
    expect(result.rows.map((row) => row.contract)).toEqual(check(fixture('excel-point-virgule.csv')).rows.map((row) => row.contract));
  });

  it('reads empty cells of optional fields as absent values, not ""', () => {
    const list = rows((r) => {
      r[0].missionTitle = undefined;
      r[0].rncp = undefined;
    });
    const [first] = check(toCsv(list)).rows;
    expect(first.contract).not.toHaveProperty('missionTitle');
    expect(first.contract).not.toHaveProperty('rncp');
    expect(first.contract).toEqual(Object.fromEntries(Object.entries(list[0]).filter(([, v]) => v !== undefined)));
  });

  it('accepts the columns in any order and without the optional ones', () => {
    const columns = ['nomSite', 'codeSite', ...Object.keys(contracts(1)[0]).filter((k) => !['nomSite', 'codeSite', 'rncp', 'missionTitle', 'missionDetails'].includes(k))];
    const list = rows((r) => r.forEach((row) => delete row.rncp));
    const result = check(toCsv(list, { columns, separator: ',' }));
    expect(printed(result)).toEqual([]);
    expect(result.rows[2].contract.codeSite).toBe(list[2].codeSite);
  });

  it('skips empty lines, and lines of empty cells as spreadsheets write them, keeping the line numbers', () => {
    const [header, a, b, c] = toCsv(rows(), { newline: '\n' }).split('\n');
    const text = [header, '', a, ';;;;;;;;', '   ', b, '', c, '', ''].join('\n');
    const result = check(text);
    expect(printed(result)).toEqual([]);
    expect(result.rows.map((row) => row.line)).toEqual([3, 6, 8]);
  });

  it('reads a last line without a line break, and old Mac line breaks ("\\r")', () => {
    const text = toCsv(rows(), { newline: '\n' }).trimEnd();
    expect(check(text).rows).toHaveLength(3);
    const mac = check(text.replace(/\n/g, '\r'));
    expect(printed(mac)).toEqual([]);
    expect(mac.rows.map((row) => row.line)).toEqual([2, 3, 4]);
  });
});

describe('quoted cells', () => {
  it('keep separators, doubled quotes and line breaks, and name later records by their first line', () => {
    const list = rows((r) => {
      r[0].nomEntreprise = 'Dupont, Durand; et "associés"';
      r[0].missionDetails = 'ligne un\r\nligne deux\r\nligne trois';
      r[1].missionDetails = 'a\nb';
      r[2].dateDebut = '1/9/2025';
    });
    for (const separator of [';', ','] as const) {
      const result = check(toCsv(list, { separator }));
      expect(result.rows[0].contract.nomEntreprise).toBe('Dupont, Durand; et "associés"');
      expect(result.rows[0].contract.missionDetails).toBe('ligne un\r\nligne deux\r\nligne trois');
      expect(result.rows.map((row) => row.line)).toEqual([2, 5, 7]);
      expect(printed(result)).toEqual([`ligne 7, colonne dateDebut : la valeur "1/9/2025" n'est pas une date au format JJ/MM/AAAA.`]);
    }
  });

  it('a quote inside an unquoted value is a character, as spreadsheets read it', () => {
    const text = toCsv(rows()).replace('CTR-', 'CTR"-');
    const result = check(text);
    expect(result.rows[0].contract.codeContrat).toMatch(/^CTR"-/);
    expect(printed(result)).toEqual([]);
  });

  it('a quote never closed: said on the line it opens, the rest of the file unread', () => {
    const [header, a, b, c] = toCsv(rows(), { newline: '\n' }).split('\n');
    const result = check([header, a, `"${b}`, c, ''].join('\n'));
    expect(printed(result)).toEqual([
      `ligne 3 : un guillemet (") ouvert sur cette ligne n'est jamais fermé : la suite du fichier, jusqu'à sa fin (ligne 4), se lit comme une seule cellule et n'a pas été vérifiée. Dans une valeur, un guillemet s'écrit doublé ("").`,
    ]);
    expect(result.rows).toHaveLength(1);
  });
});

describe('the header', () => {
  it('an unknown column: named, with the closest field', () => {
    const columns = Object.keys(contracts(1)[0]).map((k) => (k === 'emailApprenant' ? 'emailApprenat' : k));
    const list = rows().map((r) => ({ ...r, emailApprenat: r.emailApprenant }));
    const result = check(toCsv([...list, { ...list[0], codeContrat: 'X' }].slice(0, 3), { columns: [...columns, 'commentaire'] }));
    expect(printed(result)).toEqual([
      `ligne 1, colonne emailApprenat : colonne inconnue : ce n'est pas un champ du contrat ; vouliez-vous dire « emailApprenant » (Email de l'apprenant) ? Elle n'est pas lue.`,
      `ligne 1, colonne commentaire : colonne inconnue : ce n'est pas un champ du contrat, et aucun champ n'a un nom proche (le plus proche : « codeSite »). Elle n'est pas lue : supprimez-la ou renommez-la.`,
      `ligne 1, colonne emailApprenant : colonne obligatoire absente de l'en-tête (Email de l'apprenant) : ajoutez-la.`,
    ]);
    // Unknown columns are not read into the contracts.
    expect(result.rows[0].contract).not.toHaveProperty('emailApprenat');
  });

  it('an unknown column whose closest field is already a column says so', () => {
    const result = check(toCsv(rows(), { columns: [...Object.keys(contracts(1)[0]), 'codeContrats'] }));
    expect(printed(result)).toEqual([
      `ligne 1, colonne codeContrats : colonne inconnue : ce n'est pas un champ du contrat (le plus proche, « codeContrat », est déjà une colonne). Elle n'est pas lue : supprimez-la ou renommez-la.`,
    ]);
  });

  it('a field written another way (case, spaces, its French title) is said, and read', () => {
    const names = Object.keys(contracts(1)[0]);
    const columns = names.map((k) => (k === 'codeContrat' ? 'Code du contrat' : k === 'nomSite' ? 'NomSite ' : k));
    const list = rows().map((r): Row => ({ ...r, 'Code du contrat': r.codeContrat, 'NomSite ': r.nomSite }));
    const result = check(toCsv(list, { columns }));
    expect(printed(result)).toEqual([
      `ligne 1, colonne Code du contrat : l'en-tête doit être le nom exact du champ, « codeContrat » (majuscules comprises, sans espace ni accent) : renommez la colonne. Elle est lue comme codeContrat.`,
      `ligne 1, colonne NomSite  : l'en-tête doit être le nom exact du champ, « nomSite » (majuscules comprises, sans espace ni accent) : renommez la colonne. Elle est lue comme nomSite.`,
    ]);
    expect(result.rows[1].contract.codeContrat).toBe(list[1].codeContrat);
  });

  it('a missing required column: said once on the header, not on every line', () => {
    const columns = Object.keys(contracts(1)[0]).filter((k) => k !== 'codeGroupe');
    const result = check(toCsv(rows(), { columns }));
    expect(printed(result)).toEqual([`ligne 1, colonne codeGroupe : colonne obligatoire absente de l'en-tête (Code du groupe) : ajoutez-la.`]);
  });

  it('a column twice, and a column without a name', () => {
    const columns = [...Object.keys(contracts(1)[0]), 'nomSite', ''];
    const result = check(toCsv(rows(), { columns }));
    expect(printed(result)).toEqual([
      expect.stringMatching(/^ligne 1, colonne nomSite : la colonne apparaît deux fois \(colonnes H et [A-Z]{2}\) : seule la première est lue ; supprimez l'autre\.$/),
      expect.stringMatching(/^ligne 1, colonne [A-Z]{2} : cette colonne n'a pas de nom : nommez-la comme un champ du contrat, ou supprimez-la\. Elle n'est pas lue\.$/),
    ]);
  });
});

describe('the records', () => {
  it('too many or too few cells: said on the line, the line left out of the rules', () => {
    const [header, a, b, c] = toCsv(rows(), { newline: '\n' }).split('\n');
    const width = header.split(';').length;
    // An unquoted ";" in a value, then a line break in an unquoted value (one record cut in two lines).
    const tooMany = a.replace(/;([^;]*);/, ';$1 ; SARL;');
    const [c1, c2] = [c.split(';').slice(0, 10).join(';'), c.split(';').slice(10).join(';')];
    const result = check([header, tooMany, b, c1, c2, ''].join('\n'));
    expect(printed(result)).toEqual([
      `ligne 2 : ${width + 1} cellules au lieu des ${width} de l'en-tête (1 de trop : une valeur contient sans doute un « ; » sans être entre guillemets). Ligne non vérifiée.`,
      `ligne 4 : 10 cellules au lieu des ${width} de l'en-tête (il en manque ${width - 10} : une valeur contient peut-être un retour à la ligne sans être entre guillemets, ou des « ; » manquent). Ligne non vérifiée.`,
      `ligne 5 : ${width - 10} cellules au lieu des ${width} de l'en-tête (il en manque 10 : une valeur contient peut-être un retour à la ligne sans être entre guillemets, ou des « ; » manquent). Ligne non vérifiée.`,
    ]);
    expect(result.rows.map((row) => row.wellFormed)).toEqual([false, true, false, false]);
  });

  it('a wrong date, a date that does not exist, an end before the start', () => {
    const result = check(
      toCsv(
        rows((r) => {
          r[0].dateDebut = '2025-09-01';
          r[1].dateFin = '31/02/2026';
          r[2].dateDebut = '01/09/2026';
          r[2].dateFin = '31/08/2026';
        }),
      ),
    );
    expect(printed(result)).toEqual([
      `ligne 2, colonne dateDebut : la valeur "2025-09-01" n'est pas une date au format JJ/MM/AAAA.`,
      `ligne 3, colonne dateFin : la date "31/02/2026" n'existe pas dans le calendrier.`,
      `ligne 4, colonne dateFin : la date de fin "31/08/2026" précède la date de début "01/09/2026".`,
    ]);
  });

  it('a codeContrat twice: on the later line, naming the earlier one', () => {
    const result = check(toCsv(rows((r) => (r[2].codeContrat = r[0].codeContrat))));
    expect(printed(result)).toEqual([
      `ligne 4, colonne codeContrat : le code contrat "${contracts(1)[0].codeContrat}" est déjà celui de la ligne 2 : il doit être unique dans une synchronisation.`,
    ]);
    expect(result.problems[0]).toMatchObject({ line: 4, column: 'codeContrat', rule: 'unique-contract' });
  });

  it('an email used by two people', () => {
    const list = rows((r) => (r[1].emailApprenant = r[0].emailApprenant?.toUpperCase()));
    expect(printed(check(toCsv(list)))).toEqual([
      `ligne 3, colonne emailApprenant : l'email "${list[1].emailApprenant}" est déjà celui d'un autre utilisateur (apprenant "${list[0].codeApprenant}", ligne 2, colonne codeApprenant) : un email correspond à un seul compte.`,
    ]);
  });

  it('a site code with two names, a user code in two roles, an empty required cell, a bad email', () => {
    const list = rows((r) => {
      r[1].codeSite = r[0].codeSite;
      r[1].nomSite = `${r[0].nomSite} centre`;
      r[2].codePersonnel = r[0].codeApprenant;
      r[0].nomApprenant = undefined;
      r[0].emailPersonnel = 'pas-un-email';
    });
    expect(printed(check(toCsv(list)))).toEqual([
      `ligne 2, colonne nomApprenant : cellule vide : ce champ est obligatoire (Nom de l'apprenant).`,
      `ligne 2, colonne emailPersonnel : la valeur "pas-un-email" n'est pas une adresse email valide.`,
      `ligne 3, colonne nomSite : le code "${list[0].codeSite}" (site) a déjà le nom "${list[0].nomSite}" à la ligne 2, colonne nomSite, ici "${list[1].nomSite}" : un code a un seul nom.`,
      `ligne 4, colonne codePersonnel : l'identifiant "${list[0].codeApprenant}" est déjà celui d'un apprenant (ligne 2, colonne codeApprenant) : un identifiant doit être unique parmi tous les utilisateurs (préfixez les identifiants par rôle).`,
    ]);
  });
});

describe('a file that cannot be read as contracts', () => {
  it('not UTF-8 (Latin-1 bytes, as Excel saves plain "CSV"): said on the first line it shows, with how to re-save', () => {
    const result = check(fixture('latin1.csv'));
    expect(printed(result)).toEqual([
      `ligne 2 : le fichier n'est pas encodé en UTF-8 (probablement Windows-1252 / Latin-1 : les lettres accentuées y sont illisibles) : enregistrez-le à nouveau au format « CSV UTF-8 » (Excel : Fichier > Enregistrer sous > « CSV UTF-8 (délimité par des virgules) » ; LibreOffice : jeu de caractères « Unicode (UTF-8) »).`,
    ]);
    expect(result.rows).toEqual([]);
    // The same bytes on a later line.
    const text = toCsv(rows(), { newline: '\n' }).replace(/é/g, '');
    const latin1 = Buffer.concat([Buffer.from(text), Buffer.from('X;Société\n', 'latin1')]);
    expect(check(latin1).problems).toMatchObject([{ line: 5, rule: 'encoding' }]);
  });

  it('UTF-16 ("Texte Unicode")', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toCsv(rows()), 'utf16le')]);
    expect(printed(check(utf16))[0]).toMatch(/^fichier : le fichier est encodé en UTF-16 \(« Texte Unicode »\), pas en UTF-8 : enregistrez-le à nouveau au format « CSV UTF-8 »/);
  });

  it('a workbook (.xlsx) rather than a CSV', () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.from('[Content_Types].xml')]);
    expect(printed(check(xlsx))[0]).toMatch(/^fichier : ce fichier est un classeur Excel \(\.xlsx ou \.xls\), pas un fichier CSV : enregistrez-le à nouveau au format « CSV UTF-8 »/);
  });

  it('empty, or only a BOM and blank lines', () => {
    const empty = `fichier : le fichier est vide : sa première ligne doit être l'en-tête, les noms des champs du contrat.`;
    expect(printed(check(''))).toEqual([empty]);
    expect(printed(check('\uFEFF\r\n  \r\n'))).toEqual([empty]);
  });

  it('a header without ";" or ",", or with tabs', () => {
    expect(printed(check('codeContrat\nCTR-1\n'))).toEqual([
      `ligne 1 : ni « ; » ni « , » dans la ligne d'en-tête : elle doit donner les noms des champs du contrat, séparés par « ; » ou « , ».`,
    ]);
    expect(printed(check('codeContrat\tdateDebut\nCTR-1\t01/09/2025\n'))[0]).toMatch(/^ligne 1 : les colonnes sont séparées par des tabulations/);
  });

  it('a header after blank lines keeps its line number', () => {
    const result = check(`\n\n${toCsv(rows((r) => (r[0].dateFin = 'x')))}`);
    expect(result.problems).toMatchObject([{ line: 4, column: 'dateFin' }]);
  });

  it('picks the separator that splits the header into field names, even with commas in quoted names', () => {
    expect(check(toCsv(rows(), { separator: ',' }).replace('codeContrat', '"codeContrat"')).separator).toBe(',');
    const semicolon = toCsv(rows(), { separator: ';' }).replace(/^codeContrat/, 'codeContrat;"a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb,cc,dd,ee,ff,gg"');
    expect(check(semicolon).separator).toBe(';');
  });
});

describe('a large file', () => {
  it('10,000 generated contracts, checked clean, with progress every N records', () => {
    const generated = contracts(10_000, 2025);
    const bytes = Buffer.from(toCsv(generated, { bom: true }));
    const progress: number[] = [];
    const started = performance.now();
    const result = checkContractsCsv(bytes, { onProgress: (n) => progress.push(n), progressEvery: 2_500 });
    const elapsed = performance.now() - started;
    console.log(`check of 10,000 contracts (${(bytes.length / 1e6).toFixed(1)} MB): ${elapsed.toFixed(0)} ms`);
    expect(printed(result)).toEqual([]);
    expect(result.rows).toHaveLength(10_000);
    // Records counted with the header.
    expect(progress).toEqual([2_500, 5_000, 7_500, 10_000]);
    // Round trip: the contracts read are the contracts written, absent optional fields absent.
    expect(result.rows.map((row) => row.contract)).toEqual(generated.map((row) => JSON.parse(JSON.stringify(row))));
  });
});
