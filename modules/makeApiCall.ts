import type { ModuleDefinition, Parameter } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';

// Make's convention for "Make an API call": a path relative to the connection's platform (never a full address,
// which would send the token elsewhere), a method, headers and query as key/value lists merged into the request
// (the base's Authorization header stays), a body sent as written, and the raw answer as output. Error statuses
// still go through the base's error mapping.

const keyValueList = (name: string, label: string, help: string, item: string): Parameter => ({
  name,
  type: 'array',
  label,
  help,
  // An array whose spec is a list of fields: each item is a collection of those fields.
  spec: [
    { name: 'name', type: 'text', label: 'Nom', required: true, help: `Le nom du ${item.toLowerCase()}.` },
    { name: 'value', type: 'text', label: 'Valeur', help: `La valeur du ${item.toLowerCase()}.` },
  ],
});

export const makeApiCall: ModuleDefinition = {
  id: 'makeApiCall',
  label: 'Faire un appel API',
  description:
    "Appelle n'importe quelle adresse de l'API Campus Skills avec votre connexion, pour ce qu'aucun autre module ne couvre encore.",
  type: 'universal',
  connection: CONNECTION_ID,
  mappableParams: [
    {
      name: 'url',
      type: 'text',
      label: 'Chemin',
      required: true,
      help: "Le chemin après l'adresse de votre plateforme, commençant par une barre oblique : par exemple /api/sync/v1/test. Une adresse complète (https://...) est refusée : votre jeton ne part jamais ailleurs que vers votre plateforme.",
      validate: { pattern: '^/(?!/)' },
    },
    {
      name: 'method',
      type: 'select',
      label: 'Méthode',
      required: true,
      default: 'GET',
      help: 'La méthode HTTP de la requête.',
      options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({ label: method, value: method })),
    },
    {
      ...keyValueList(
        'headers',
        'En-têtes',
        "Des en-têtes HTTP en plus. L'en-tête d'authentification est déjà ajouté par la connexion.",
        'En-tête',
      ),
      default: [{ name: 'Content-Type', value: 'application/json' }],
    },
    keyValueList('qs', 'Paramètres de requête', "Les paramètres ajoutés à l'adresse (?nom=valeur).", 'Paramètre'),
    {
      name: 'body',
      type: 'any',
      label: 'Corps',
      help: 'Le corps de la requête, par exemple un JSON {"contrats": [...]}. Ignoré pour la méthode GET.',
    },
  ],
  communication: {
    url: '{{parameters.url}}',
    method: '{{parameters.method}}',
    headers: { '{{...}}': "{{toCollection(parameters.headers, 'name', 'value')}}" },
    qs: { '{{...}}': "{{toCollection(parameters.qs, 'name', 'value')}}" },
    body: '{{parameters.body}}',
    type: 'text',
    response: {
      output: { statusCode: '{{statusCode}}', headers: '{{headers}}', body: '{{body}}' },
    },
  },
  interface: [
    { name: 'statusCode', type: 'number', label: 'Code HTTP', help: 'Le code de statut HTTP de la réponse (200, 201...).' },
    { name: 'headers', type: 'collection', label: 'En-têtes', help: 'Les en-têtes HTTP de la réponse.' },
    { name: 'body', type: 'any', label: 'Corps', help: "Le corps de la réponse : un objet ou un tableau pour du JSON, sinon un texte." },
  ],
  samples: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: { value: 'token valid', name: 'CFA des Métiers' } },
};
