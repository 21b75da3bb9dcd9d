// Files whose content becomes a command's options: a curl config (`curl -K f`) and the AWS CLI's
// `--cli-input-json file://f`. Each is turned into the option words the command would have had.

const CONFIG_LINE = /^\s*(-{0,2}[A-Za-z][\w-]*)\s*[=:\s]\s*(.*)$/;

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return t;
}

/** `url = "https://x"`, `request = DELETE`, `-X DELETE`, `data = "@body.json"` → shell-quoted option words. */
export function curlConfigArgs(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = CONFIG_LINE.exec(line);
    if (!m) {
      out.push(quote(line));
      continue;
    }
    const key = m[1].startsWith('-') ? m[1] : m[1].length === 1 ? `-${m[1]}` : `--${m[1]}`;
    out.push(key);
    if (m[2] !== '') out.push(quote(unquote(m[2])));
  }
  return out;
}

/** `{"DBInstanceIdentifier": "prod", "SkipFinalSnapshot": true}` → `--db-instance-identifier 'prod' --skip-final-snapshot`. */
export function cliInputArgs(text: string, yaml: boolean): string[] | undefined {
  let params: Record<string, unknown>;
  if (yaml) {
    params = {};
    for (const line of text.split(/\r?\n/)) {
      const m = /^([A-Za-z][A-Za-z0-9]*):\s*(.*)$/.exec(line);
      if (m) params[m[1]] = m[2].replace(/^["']|["']$/g, '');
    }
  } else {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
      params = parsed as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    const flag = '--' + k.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
    if (v === true) out.push(flag);
    else if (v === false) out.push(flag.replace(/^--/, '--no-'));
    else out.push(flag, quote(typeof v === 'string' ? v : JSON.stringify(v)));
  }
  return out;
}
