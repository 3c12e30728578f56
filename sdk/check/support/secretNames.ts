// Which names hold a credential: inputs, headers, query and body fields, keys of any emitted JSON.

/** Whether a parameter, header or field name looks like it holds a credential. */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[-_\s]/g, '');
  if (/(page|next|continuation|sync|cursor|csrf)token$/.test(n)) return false;
  return (
    n === 'key' ||
    /(apikey|apitoken|token|secret|password|passwd|passphrase|privatekey|accesskey|secretkey|credential|credentials|motdepasse|jeton)$/.test(n)
  );
}
