// The recipe lines of makefile text given on the command line (`make --eval='x:; cmd'`, `make -f -`
// fed by a heredoc or a pipe): each is a shell command make will run.

/** Every recipe line: tab-indented lines and the text after `;` on a rule line, without `@`/`-`/`+` prefixes. */
export function makeRecipes(text: string): string[] {
  const recipes: string[] = [];
  for (const line of text.split('\n')) {
    let recipe: string | undefined;
    if (line.startsWith('\t')) recipe = line.slice(1);
    else if (!line.startsWith('#')) {
      // `target: prerequisites; recipe` (an `=` before the colon is a variable, not a rule).
      const colon = line.indexOf(':');
      const semi = line.indexOf(';', colon + 1);
      const eq = line.indexOf('=');
      if (colon > 0 && semi > colon && (eq < 0 || eq > colon)) recipe = line.slice(semi + 1);
    }
    if (recipe === undefined) continue;
    recipe = recipe.replace(/^[\s@+-]+/, '').trim();
    if (recipe) recipes.push(recipe);
  }
  return recipes;
}

/** The command of each crontab line (`m h dom mon dow command`, `@reboot command`); variables and comments skipped. */
export function cronCommands(text: string): string[] {
  const commands: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || /^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(line)) continue;
    const fields = line.split(/\s+/);
    const skip = line.startsWith('@') ? 1 : 5;
    const command = fields.slice(skip).join(' ');
    if (command) commands.push(command.replace(/%/g, '\n'));
  }
  return commands;
}
