// The connection a school creates once: its API key and which Campus Skills platform it lives on.
import type { ConnectionDefinition } from '../sdk/types';
import { BASE_URLS } from '../api/assumptions';
import { ENDPOINTS } from '../api/endpoints';
import { apiErrorMapping } from '../app/errors';
import { unexpectedResponse } from '../app/responseChecks';

export const CONNECTION_ID = 'campusSkills';

/** Custom base URLs: https, a host, an optional path, no trailing slash (paths are appended to it). */
const CUSTOM_BASE_URL_PATTERN = '^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\\s?#]*[^\\s?#/])?$';

/** The base URL the user chose, as IML over `scope` (`parameters` inside the connection, `connection` elsewhere). */
export function chosenBaseUrl(scope: 'parameters' | 'connection'): string {
  return `{{if(${scope}.baseUrl = 'custom', ${scope}.customBaseUrl, ${scope}.baseUrl)}}`;
}

export const campusSkills: ConnectionDefinition = {
  id: CONNECTION_ID,
  label: 'Campus Skills',
  type: 'basic',
  params: [
    {
      name: 'apiKey',
      type: 'password',
      label: 'API Key',
      required: true,
      editable: true,
      help: "Votre jeton d'authentification (token) Campus Skills : [comment le récupérer](https://docs.campus-skills.com/recuperer-son-token). Il est confidentiel : ne le partagez pas.",
    },
    {
      name: 'baseUrl',
      type: 'select',
      label: 'Plateforme',
      required: true,
      default: BASE_URLS.campusSkills,
      editable: true,
      help: "L'adresse de votre plateforme. Choisissez « Autre adresse » si votre établissement utilise une plateforme en marque blanche.",
      options: [
        { label: 'Campus Skills (app.campus-skills.com)', value: BASE_URLS.campusSkills },
        { label: 'Ypareo Skills (app.ypareo-skills.com)', value: BASE_URLS.ypareoSkills },
        {
          label: 'Autre adresse (marque blanche)',
          value: 'custom',
          nested: [
            {
              name: 'customBaseUrl',
              type: 'url',
              label: 'Adresse de la plateforme',
              required: true,
              help: "L'adresse https de votre plateforme, sans chemin final, par exemple https://competences.mon-ecole.fr.",
              validate: { pattern: CUSTOM_BASE_URL_PATTERN },
            },
          ],
        },
      ],
    },
    {
      name: 'sandbox',
      type: 'boolean',
      label: 'Compte bac à sable',
      default: false,
      editable: true,
      help: "Cochez si ce jeton est celui d'un compte bac à sable (l'environnement de test de Campus Skills), pour le distinguer de vos connexions de production.",
    },
  ],
  communication: {
    url: `${chosenBaseUrl('parameters')}${ENDPOINTS.testToken.path}`,
    method: ENDPOINTS.testToken.method,
    headers: { authorization: 'Bearer {{parameters.apiKey}}' },
    log: { sanitize: ['request.headers.authorization'] },
    response: {
      // A 200 that carries an error body, or that is not the token test's answer, must not create the connection.
      temp: {
        refusal: 'Campus Skills a refusé le jeton : {{ifempty(body.reason, body.error)}}',
        unexpected: unexpectedResponse('la réponse du test du jeton (« value » et « name »)'),
      },
      valid: {
        condition: '{{!body.error && ifempty(body.value, emptystring) != emptystring}}',
        message: '{{if(body.error, temp.refusal, temp.unexpected)}}',
        type: "{{if(body.error, 'InvalidAccessTokenError', 'DataError')}}",
      },
      metadata: { type: 'text', value: '{{body.name}}' },
      error: apiErrorMapping,
    },
  },
};
