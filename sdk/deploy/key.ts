// The Make API key of a deploy: MAKE_API_KEY, else the origin's key file (gitignored). Never from a committed file,
// never printed: what the messages name is where the key comes from, and every line a deploy prints is redacted.
import { existsSync, readFileSync } from 'node:fs';

export const KEY_VARIABLE = 'MAKE_API_KEY';

/** The Make API scopes a deploy needs. */
export const REQUIRED_SCOPES = ['sdk-apps:read', 'sdk-apps:write'];

/** The text with every occurrence of each secret masked (a key must never reach output, logs or files). */
export function redact(text: string, secrets: Array<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}

export interface ApiKey {
  key: string;
  /** `MAKE_API_KEY` or the key file as the origins file names it. */
  source: string;
}

export class ApiKeyError extends Error {}

export function resolveApiKey(options: {
  originLabel: string;
  /** process.env.MAKE_API_KEY */
  fromEnvironment: string | undefined;
  /** The key file's full path, and as the origins file names it (for messages). */
  keyFile: string;
  keyFileShown: string;
}): ApiKey {
  const fromEnvironment = options.fromEnvironment?.trim();
  if (fromEnvironment) return { key: fromEnvironment, source: KEY_VARIABLE };
  const scopes = `the key needs the scopes ${REQUIRED_SCOPES.join(' and ')}`;
  if (!existsSync(options.keyFile)) {
    throw new ApiKeyError(
      `no Make API key for origin '${options.originLabel}': set ${KEY_VARIABLE}, or write the key alone in ${options.keyFileShown} (gitignored); ${scopes}`,
    );
  }
  let text: string;
  try {
    text = readFileSync(options.keyFile, 'utf8');
  } catch (error) {
    throw new ApiKeyError(`cannot read the key file ${options.keyFileShown} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const key = text.trim();
  if (key === '') throw new ApiKeyError(`the key file ${options.keyFileShown} is empty: write the Make API key in it (${scopes})`);
  if (/\s/.test(key)) throw new ApiKeyError(`the key file ${options.keyFileShown} holds more than one word: write the Make API key alone in it`);
  return { key, source: options.keyFileShown };
}
