import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkContracts, CONTRACT_FIELDS, contratSchema, frenchDateKey, parseFrenchDate } from '../../api/contracts';
import { showValue } from '../../lib/values';
import { contracts, loose } from './helpers';

/** Three valid contracts with distinct people, sharing site, period, year and formation. */
function three(): Record<string, unknown>[] {
  return contracts(3).map(loose);
}

const only = (list: unknown[]) => checkContracts(list).map(({ index, field, rule }) => ({ index, field, rule }));

describe('checkContracts: a valid list', () => {
  it('accepts generated lists of any size', () => {
    expect(checkContracts(contracts(500))).toEqual([]);
    expect(checkContracts([])).toEqual([]);
  });

  it('accepts the same tutor, company tutor and structure on many contracts', () => {
    const list = contracts(200);
    const tutors = new Set(list.map((c) => c.codePersonnel));
    expect(tutors.size).toBeLessThan(list.length); // tutors are shared
    expect(checkContracts(list)).toEqual([]);
  });

  it('accepts any generated list (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (count, seed) => {
        expect(checkContracts(contracts(count, seed))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  // 50,000 contracts are timed by `npm run bench`; 5,000 keep the large-set check fast here.
  it('accepts 5,000 generated contracts', () => {
    expect(checkContracts(contracts(5_000, 3))).toEqual([]);
  });
});

describe('checkContracts: the schema', () => {
  it('derives the fields from contrat.schema.json', () => {
    expect(CONTRACT_FIELDS).toEqual(Object.keys(contratSchema.properties));
    expect(CONTRACT_FIELDS).toContain('codeContrat');
  });

  it('reports every missing required field, naming the row 1-based', () => {
    const list = three();
    delete list[1].emailApprenant;
    delete list[1].nomSite;
    const violations = checkContracts(list);
    expect(violations.map(({ index, field, rule }) => ({ index, field, rule }))).toEqual([
      { index: 1, field: 'nomSite', rule: 'schema' },
      { index: 1, field: 'emailApprenant', rule: 'schema' },
    ]);
    expect(violations[1].message).toBe("contrats[2].emailApprenant : champ obligatoire manquant (Email de l'apprenant).");
    expect(violations[1].codeContrat).toBe(list[1].codeContrat);
  });

  it('reports a wrong type, an empty value, a bad email and a malformed date with the value', () => {
    const list = three();
    list[0].codeApprenant = 42;
    list[1].nomEntreprise = '';
    list[2].emailPersonnel = 'tuteur@';
    list[2].dateDebut = '2025-09-01';
    const violations = checkContracts(list);
    expect(violations.map((v) => v.message)).toEqual([
      'contrats[1].codeApprenant : doit être une chaîne de caractères, reçu 42.',
      'contrats[2].nomEntreprise : ne doit pas être vide (reçu "").',
      'contrats[3].dateDebut : la valeur "2025-09-01" n\'est pas une date au format JJ/MM/AAAA.',
      'contrats[3].emailPersonnel : la valeur "tuteur@" n\'est pas une adresse email valide.',
    ]);
    expect(violations.every((v) => v.rule === 'schema')).toBe(true);
  });

  it('reports an unknown field, such as the documentation typo ccodeContrat', () => {
    const list = three();
    list[2].ccodeContrat = 'X1';
    expect(checkContracts(list)).toEqual([
      {
        index: 2,
        codeContrat: list[2].codeContrat,
        field: 'ccodeContrat',
        rule: 'schema',
        message: 'contrats[3].ccodeContrat : champ inconnu (valeur "X1") : vérifiez son nom.',
        detail: 'champ inconnu (valeur "X1") : vérifiez son nom.',
      },
    ]);
  });

  it('reports a row that is not an object', () => {
    const list: unknown[] = [...three(), 'texte', null];
    expect(only(list)).toEqual([
      { index: 3, field: '', rule: 'schema' },
      { index: 4, field: '', rule: 'schema' },
    ]);
    expect(checkContracts(list)[0].message).toBe('contrats[4] : un contrat doit être un objet, reçu "texte".');
  });
});

describe('checkContracts: rule 1, one user id = one role', () => {
  it("rejects a learner code equal to another person's school tutor code", () => {
    const list = three();
    list[2].codeApprenant = list[0].codePersonnel;
    const violations = checkContracts(list);
    expect(only(list)).toEqual([{ index: 2, field: 'codeApprenant', rule: 'unique-user-id' }]);
    expect(violations[0].message).toBe(
      `contrats[3].codeApprenant : l'identifiant "${list[0].codePersonnel}" est déjà celui d'un tuteur école (contrats[1].codePersonnel) : ` +
        'un identifiant doit être unique parmi tous les utilisateurs (préfixez les identifiants par rôle).',
    );
  });

  it('rejects a company tutor code equal to a learner code (any pair of roles)', () => {
    const list = three();
    list[1].codeMaitreApprentissage = list[0].codeApprenant;
    expect(only(list)).toEqual([{ index: 1, field: 'codeMaitreApprentissage', rule: 'unique-user-id' }]);
  });

  it('rejects the same code for two roles on one contract', () => {
    const list = three();
    list[0].codeMaitreApprentissage = list[0].codePersonnel;
    list[0].emailMaitreApprentissage = list[0].emailPersonnel;
    expect(only(list)).toEqual([{ index: 0, field: 'codeMaitreApprentissage', rule: 'unique-user-id' }]);
  });

  it('accepts the same company tutor code with a different email on two contracts (one person, two addresses)', () => {
    const list = three();
    list[1].codeMaitreApprentissage = list[0].codeMaitreApprentissage;
    list[1].prenomMaitreApprentissage = list[0].prenomMaitreApprentissage;
    list[1].nomMaitreApprentissage = list[0].nomMaitreApprentissage;
    list[1].emailMaitreApprentissage = 'tuteur.adresse.perso@exemple.fr';
    expect(list[1].emailMaitreApprentissage).not.toBe(list[0].emailMaitreApprentissage);
    expect(checkContracts(list)).toEqual([]);
  });

  it('accepts the same learner on two contracts of different years (codeContrat, codeAnnee, codeGroupe differ)', () => {
    const [base, , other] = contracts(3);
    // The code/name pairs are the generator's, so rule 3 holds with the third contract too.
    const first = { ...base, codeAnnee: 'AN-1', nomAnnee: '1ère année', codePeriode: 'PER-2425', nomPeriode: '2024/2025' };
    const second = {
      ...first,
      codeContrat: `${first.codeContrat}-2`,
      codeAnnee: 'AN-2',
      nomAnnee: '2ème année',
      codePeriode: 'PER-2526',
      nomPeriode: '2025/2026',
      codeGroupe: `${first.codeGroupe}-2`,
      nomGroupe: `${first.nomGroupe} (2ème année)`,
      dateDebut: '01/09/2025',
      dateFin: '31/08/2026',
    };
    expect(second.codeApprenant).toBe(first.codeApprenant);
    expect(second.emailApprenant).toBe(first.emailApprenant);
    expect(checkContracts([first, other, second])).toEqual([]);
  });

  it('still rejects one code used in two roles on two contracts, even with the same email', () => {
    const list = three();
    list[1].codeMaitreApprentissage = list[0].codePersonnel;
    list[1].emailMaitreApprentissage = list[0].emailPersonnel;
    const violations = checkContracts(list);
    expect(only(list)).toEqual([{ index: 1, field: 'codeMaitreApprentissage', rule: 'unique-user-id' }]);
    expect(violations[0].message).toContain(`est déjà celui d'un tuteur école (contrats[1].codePersonnel)`);
  });

  it('accepts one tutor on many contracts, whatever the case of the email', () => {
    const list = three();
    list[1].codePersonnel = list[0].codePersonnel;
    list[1].emailPersonnel = String(list[0].emailPersonnel).toUpperCase();
    list[2].codePersonnel = list[0].codePersonnel;
    list[2].emailPersonnel = list[0].emailPersonnel;
    expect(checkContracts(list)).toEqual([]);
  });
});

describe('checkContracts: rule 2, one email = one person', () => {
  it('rejects two learners sharing an email', () => {
    const list = three();
    list[2].emailApprenant = list[1].emailApprenant;
    const violations = checkContracts(list);
    expect(only(list)).toEqual([{ index: 2, field: 'emailApprenant', rule: 'unique-email' }]);
    expect(violations[0].message).toBe(
      `contrats[3].emailApprenant : l'email "${list[1].emailApprenant}" est déjà celui d'un autre utilisateur ` +
        `(apprenant "${list[1].codeApprenant}", contrats[2].codeApprenant) : un email correspond à un seul compte.`,
    );
  });

  it('rejects an email shared across roles, ignoring case', () => {
    const list = three();
    list[1].emailMaitreApprentissage = String(list[0].emailApprenant).toUpperCase();
    expect(only(list)).toEqual([{ index: 1, field: 'emailMaitreApprentissage', rule: 'unique-email' }]);
  });
});

describe('checkContracts: rule 3, code/name pairs one-to-one', () => {
  const pairs = [
    ['codeSite', 'nomSite'],
    ['codePeriode', 'nomPeriode'],
    ['codeAnnee', 'nomAnnee'],
    ['codeFormation', 'nomFormation'],
  ];

  it.each(pairs)('rejects a second name for a %s', (codeField, nameField) => {
    const list = three();
    list[1][codeField] = list[0][codeField];
    list[1][nameField] = list[0][nameField];
    list[2][codeField] = list[0][codeField];
    list[2][nameField] = `${list[0][nameField]} bis`;
    const violations = checkContracts(list).filter((v) => v.rule === 'one-to-one');
    expect(violations.map(({ index, field }) => ({ index, field }))).toEqual([{ index: 2, field: nameField }]);
    expect(violations[0].message).toContain(`contrats[3].${nameField} : le code "${list[0][codeField]}"`);
    expect(violations[0].message).toContain(`a déjà le nom "${list[0][nameField]}" en contrats[1].${nameField}, ici "${list[0][nameField]} bis"`);
  });

  it.each(pairs)('rejects a second code for a name (%s)', (codeField, nameField) => {
    const list = three();
    list[1][nameField] = list[0][nameField];
    list[1][codeField] = 'AUTRE-CODE';
    list[2][codeField] = list[0][codeField];
    list[2][nameField] = list[0][nameField];
    const violations = checkContracts(list).filter((v) => v.rule === 'one-to-one');
    expect(violations.map(({ index, field }) => ({ index, field }))).toEqual([{ index: 1, field: codeField }]);
    expect(violations[0].message).toContain(`le nom "${list[0][nameField]}"`);
    expect(violations[0].message).toContain(`a déjà le code "${list[0][codeField]}" en contrats[1].${codeField}, ici "AUTRE-CODE"`);
  });

  it('does not apply to the group (not one of the four pairs)', () => {
    const list = three();
    list[1].codeGroupe = list[0].codeGroupe;
    list[1].nomGroupe = 'Un autre nom de groupe';
    expect(checkContracts(list)).toEqual([]);
  });
});

describe('checkContracts: rule 4, dates', () => {
  it('rejects a day that does not exist', () => {
    const list = three();
    list[1].dateDebut = '31/02/2025';
    const violations = checkContracts(list);
    expect(only(list)).toEqual([{ index: 1, field: 'dateDebut', rule: 'date' }]);
    expect(violations[0].message).toBe('contrats[2].dateDebut : la date "31/02/2025" n\'existe pas dans le calendrier.');
  });

  it('knows leap years', () => {
    const list = three();
    list[0].dateDebut = '29/02/2024';
    list[0].dateFin = '28/02/2026';
    list[1].dateDebut = '29/02/2025';
    list[2].dateDebut = '29/02/2000';
    list[2].dateFin = '29/02/2100';
    expect(only(list)).toEqual([
      { index: 1, field: 'dateDebut', rule: 'date' },
      { index: 2, field: 'dateFin', rule: 'date' },
    ]);
  });

  it('rejects an end before the start, accepts the same day', () => {
    const list = three();
    list[0].dateDebut = '01/09/2025';
    list[0].dateFin = '31/08/2025';
    list[1].dateDebut = '01/09/2025';
    list[1].dateFin = '01/09/2025';
    const violations = checkContracts(list);
    expect(only(list)).toEqual([{ index: 0, field: 'dateFin', rule: 'date' }]);
    expect(violations[0].message).toBe('contrats[1].dateFin : la date de fin "31/08/2025" précède la date de début "01/09/2025".');
  });

  it('accepts contracts without dates (optional fields)', () => {
    const list = three();
    delete list[0].dateDebut;
    delete list[0].dateFin;
    delete list[1].dateFin;
    expect(checkContracts(list)).toEqual([]);
  });

  it('leaves a malformed date to the schema', () => {
    const list = three();
    list[0].dateFin = '1/9/2025';
    expect(only(list)).toEqual([{ index: 0, field: 'dateFin', rule: 'schema' }]);
  });

  it('parses DD/MM/YYYY into comparable keys', () => {
    expect(parseFrenchDate('01/09/2025')).toBe(20250901);
    expect(parseFrenchDate('31/02/2025')).toBeNull();
    expect(parseFrenchDate('00/01/2025')).toBeNull();
    expect(parseFrenchDate('2025-09-01')).toBeNull();
    expect(frenchDateKey('2025-09-01')).toBeUndefined();
    expect(frenchDateKey('31/13/2025')).toBeNull();
  });
});

describe('checkContracts: rule 5, codeContrat unique in one call', () => {
  it('reports the repeated code on the later row, naming the first', () => {
    const list = three();
    list[2].codeContrat = list[0].codeContrat;
    const violations = checkContracts(list);
    expect(only(list)).toEqual([{ index: 2, field: 'codeContrat', rule: 'unique-contract' }]);
    expect(violations[0].message).toBe(
      `contrats[3].codeContrat : le code contrat "${list[0].codeContrat}" est déjà celui de contrats[1] : il doit être unique dans une synchronisation.`,
    );
  });
});

describe('checkContracts: output', () => {
  it('orders violations by row, then rule, then field, and is deterministic', () => {
    const list = three();
    list[2].codeContrat = list[0].codeContrat;
    list[2].dateDebut = '30/02/2025';
    delete list[2].nomAnnee;
    list[1].emailApprenant = list[0].emailApprenant;
    list[0].codeSite = '';
    const first = checkContracts(list);
    expect(first.map(({ index, field, rule }) => `${index}:${rule}:${field}`)).toEqual([
      '0:schema:codeSite',
      '1:unique-email:emailApprenant',
      '2:schema:nomAnnee',
      '2:date:dateDebut',
      '2:unique-contract:codeContrat',
    ]);
    expect(checkContracts(list)).toEqual(first);
  });

  it('names rows with a custom label', () => {
    const list = three();
    list[1].codeContrat = list[0].codeContrat;
    const [violation] = checkContracts(list, { rowLabel: (i) => `changes.added[${i + 1}]` });
    expect(violation.message).toMatch(/^changes\.added\[2\]\.codeContrat : .* changes\.added\[1\] :/);
  });

  it('names a value too deeply nested to show as JSON by its kind, instead of overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(showValue(deep)).toBe('[object Array]');
    expect(showValue({ n: 10n })).toBe('[object Object]');
    const list = three();
    list[1].codeApprenant = deep;
    expect(checkContracts(list).map((v) => v.message)).toEqual([
      'contrats[2].codeApprenant : doit être une chaîne de caractères, reçu [object Array].',
    ]);
  });

  it('shortens long values in messages', () => {
    const list = three();
    list[0].emailApprenant = `${'a'.repeat(200)}@`;
    const [violation] = checkContracts(list);
    expect(violation.message.length).toBeLessThan(200);
    expect(violation.message).toContain('...');
  });
});
