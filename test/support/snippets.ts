/**
 * Expands a VS Code snippet body as the editor would after the user typed `values` into
 * its tab stops: `${n:default}`, `${n|a,b|}` and `$n` take the value given for n (else the
 * default, else the first choice); `${VARIABLE}` takes `variables`; `$0` disappears.
 */
export function expandSnippet(body: string, values: Record<number, string>, variables: Record<string, string> = {}): string {
  let at = 0;
  const chosen = new Map<number, string>();
  const read = (stopAt: string | null): string => {
    let out = '';
    while (at < body.length) {
      const c = body[at]!;
      if (stopAt !== null && c === stopAt) return out;
      if (c === '\\' && at + 1 < body.length) {
        out += body[at + 1];
        at += 2;
      } else if (c === '$') out += readDollar();
      else {
        out += c;
        at++;
      }
    }
    return out;
  };
  const readDollar = (): string => {
    at++;
    const simple = /^(\d+|[A-Z_]+)/.exec(body.slice(at));
    if (simple) {
      at += simple[0].length;
      return resolve(simple[0], undefined);
    }
    if (body[at] !== '{') return '$';
    at++;
    const name = /^(\d+|[A-Z_]+)/.exec(body.slice(at))![0];
    at += name.length;
    let fallback: string | undefined;
    if (body[at] === ':') {
      at++;
      fallback = read('}');
    } else if (body[at] === '|') {
      const end = body.indexOf('|}', at + 1);
      fallback = body.slice(at + 1, end).split(',')[0];
      at = end + 1;
    }
    at++; // the closing }
    return resolve(name, fallback);
  };
  const resolve = (name: string, fallback: string | undefined): string => {
    if (!/^\d+$/.test(name)) return variables[name] ?? fallback ?? '';
    const n = Number(name);
    if (n === 0) return '';
    const value = values[n] ?? chosen.get(n) ?? fallback ?? '';
    if (!chosen.has(n)) chosen.set(n, value);
    return value;
  };
  return read(null);
}
