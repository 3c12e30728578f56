// The heuristics behind the review rules, on their own: what they flag and, as much, what they leave alone.
import { describe, expect, it } from 'vitest';
import { normalizePath } from '../../sdk/check/rules/format-schema';
import { findSecrets } from '../../sdk/check/rules/no-secret-in-dist';
import { isLimitInput } from '../../sdk/check/rules/search-limit-last';
import { declaresFrench, firstWord, isFrenchInfinitive, looksEnglish } from '../../sdk/check/support/french';
import { analyzeTemplate } from '../../sdk/check/support/imlTemplates';
import { isSecretName } from '../../sdk/check/support/secretNames';

describe('looksEnglish (text-french)', () => {
  it.each([
    'Get contracts',
    'List of students',
    'Name',
    'Create a contract',
    'The maximum number of contracts to return.',
    'Your API token. Keep it secret and do not share it with anyone.',
    'Too many requests: please retry later.',
  ])('flags %j', (text) => expect(looksEnglish(text)).toBe(true));

  it.each([
    'API Key',
    'Email',
    'Sessions',
    'Identifiant (codeApprenant)',
    'Campus Skills (app.campus-skills.com)',
    'Moyenne entreprise',
    "Tous vos contrats actifs, au format « Contrat » de Campus Skills (choisissez ce module comme « Target structure type » d'un Array aggregator).",
    "Votre jeton d'authentification Campus Skills. Pour le récupérer : https://docs.campus-skills.com/recuperer-son-token.",
    'Campus Skills a répondu {{statusCode}} : {{ifempty(body.reason, ifempty(body.error, body))}}',
    'Le token est refusé : vérifiez la clé API Key dans votre connexion.',
    '',
  ])('leaves %j alone', (text) => expect(looksEnglish(text)).toBe(false));
});

describe('declaresFrench (text-french, action-label-verb)', () => {
  it.each(['fr', 'FR', 'fr-FR', 'fr_CA'])('%s is French', (language) => expect(declaresFrench({ language })).toBe(true));
  it.each(['en', 'de', 'fra', 'french', 'frx', ''])('%j is not', (language) => expect(declaresFrench({ language })).toBe(false));
});

describe('isFrenchInfinitive (action-label-verb)', () => {
  it.each(['Tester', 'Simuler', 'Synchroniser', 'Réinitialiser', 'Récupérer', 'Obtenir', 'Prendre', 'Mettre', 'Faire', 'Inscrire', 'Recevoir', 'Exclure'])(
    'accepts %s',
    (word) => expect(isFrenchInfinitive(word)).toBe(true),
  );

  it.each(['Get', 'Create', 'Update', 'Delete', 'Filter', 'Compare', 'Capture', 'Require', 'Test', 'Nombre', 'Premier', 'Dossier', 'Formulaire', 'Histoire', 'Synchronisation', 'Liste', 'X'])(
    'rejects %s',
    (word) => expect(isFrenchInfinitive(word)).toBe(false),
  );

  it('reads past a reflexive pronoun and punctuation', () => {
    expect(firstWord("S'inscrire à une session")).toBe('inscrire');
    expect(firstWord('Se connecter')).toBe('connecter');
    expect(firstWord('  « Tester » la connexion')).toBe('Tester');
  });
});

// Fake credentials, assembled at run time so that no credential-shaped literal is committed (secret scanners).
const fake = (...parts: string[]) => parts.join('');

describe('findSecrets (no-secret-in-dist)', () => {
  it.each([
    [fake('Bearer ', '3f9a1c2b7d4e', '8f60a1b2c3d4'), 'a bearer token'],
    ['token: 0123456789abcdef0123456789abcdef', 'a long hexadecimal literal'],
    ['aGVsbG8gd29ybGQgdGhpcyBpcyBhIHNlY3JldCBrZXkhIQ9Z', 'a long base64 literal'],
    [fake('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dc'), 'a vendor API key'],
    [fake('eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiIxMjM0NTY3ODkwIn0', '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'), 'a JSON Web Token'],
    [fake('-----BEGIN RSA ', 'PRIVATE KEY-----'), 'a private key'],
  ])('finds %j', (text, what) => expect(findSecrets(text).map((s) => s.what)).toEqual([what]));

  it.each([
    'Bearer {{connection.apiKey}}',
    'Bearer {{if(connection.sandbox, connection.sandboxKey, connection.apiKey)}}',
    '6650f1c2a4b3c2d1e0f98765', // a 24-digit object id of the samples
    'modules/get-student-validations/get-student-validations.communication.iml.json',
    '^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\\s?#]*[^\\s?#/])?$',
    'https://docs.campus-skills.com/recuperer-son-token',
  ])('leaves %j alone', (text) => expect(findSecrets(text)).toEqual([]));
});

describe('isSecretName (secret-param-password, auth-sanitized)', () => {
  it.each(['apiKey', 'api_key', 'token', 'accessToken', 'clientSecret', 'password', 'motDePasse', 'privateKey', 'key'])('%s is a secret', (name) =>
    expect(isSecretName(name)).toBe(true),
  );
  it.each(['nextPageToken', 'keyword', 'monkey', 'tokenUrl', 'baseUrl', 'sandbox', 'codeContrat'])('%s is not', (name) =>
    expect(isSecretName(name)).toBe(false),
  );
});

describe('isLimitInput (search-limit-last)', () => {
  it('takes an optional count named limit or labelled as a maximum', () => {
    expect(isLimitInput({ name: 'limit', type: 'uinteger', label: 'Limite' })).toBe(true);
    expect(isLimitInput({ name: 'nombre', type: 'number', label: 'Nombre maximum de contrats' })).toBe(true);
    expect(isLimitInput({ name: 'maxResults', type: 'integer' })).toBe(true);
  });
  it('leaves required counts and non-counts alone', () => {
    expect(isLimitInput({ name: 'limit', type: 'uinteger', required: true })).toBe(false);
    expect(isLimitInput({ name: 'limit', type: 'text' })).toBe(false);
    expect(isLimitInput({ name: 'annee', type: 'uinteger', label: 'Année' })).toBe(false);
  });
});

describe('normalizePath (format-schema)', () => {
  it('rewrites the format validator\'s paths in the style of the findings', () => {
    expect(normalizePath('$')).toBe('$');
    expect(normalizePath("$[0].response.error['401'].type")).toBe('$[0].response.error.401.type');
    expect(normalizePath("$.qs['a b']")).toBe('$.qs["a b"]');
    expect(normalizePath("$.headers['it\\'s']")).toBe(`$.headers["it's"]`);
    expect(normalizePath('$.components.module.resetSync.codeFiles')).toBe('$.components.module.resetSync.codeFiles');
    expect(normalizePath('not a path')).toBe('not a path');
  });
});

describe('analyzeTemplate (iml-syntax, iml-argument-count)', () => {
  it('tells a template that does not parse from one that calls a built-in with a wrong count', () => {
    const broken = analyzeTemplate('{{length(body.items}}');
    expect('error' in broken && broken.error.position).toBeGreaterThan(0);
    expect(analyzeTemplate('{{length(body.items, 2)}}')).toEqual({ calls: [{ name: 'length', position: 2, argumentCount: 2 }] });
    expect(analyzeTemplate('{{if(a, lower(b), c)}}')).toEqual({
      calls: [
        { name: 'if', position: 2, argumentCount: 3 },
        { name: 'lower', position: 8, argumentCount: 1 },
      ],
    });
  });
});
