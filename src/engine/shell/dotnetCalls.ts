// PowerShell reaches .NET directly: `[IO.File]::Delete('notes.txt')` is `Remove-Item notes.txt` and
// `[System.IO.Directory]::Delete('C:\data', $true)` is `Remove-Item -Recurse -Force C:\data`. Read as a
// shell word, `[IO.File]::Delete` is a glob pattern and would ask as a computed name whatever it deletes;
// spelled as the cmdlet it equals, it is judged by the filesystem rules like any other delete (DESIGN,
// "PowerShell and cmd"). Other .NET calls are left as they are (and still ask).

/** `[IO.File]::Delete('p')`, `[System.IO.Directory]::Delete("p", $true)`; the path is one quoted literal. */
const DELETE_CALL_RE = /\[(?:System\.)?IO\.(File|Directory)\]::Delete\(\s*(['"])([^'"\n]*)\2\s*(?:,\s*\$(true|false)\s*)?\)/gi;
const HAS_CALL = /\]::Delete\(/i;

export function rewriteDotnetDeletes(text: string): string {
  if (!HAS_CALL.test(text)) return text;
  return text.replace(DELETE_CALL_RE, (_m, type: string, quote: string, path: string, recursive: string | undefined) => {
    const flags = type.toLowerCase() === 'directory' && recursive?.toLowerCase() === 'true' ? '-Recurse -Force ' : '';
    return `Remove-Item ${flags}-LiteralPath ${quote}${path}${quote}`;
  });
}
