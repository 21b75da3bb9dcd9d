// The four dotfiles of the guard's ZDOTDIR. They live in the extension's global storage (a path that
// stays the same across extension updates) and only source the versioned scripts through
// $AGENT_GUARD_SHELL_DIR. When those scripts are gone (extension removed or updated while a terminal
// was open) each file falls back to reading the person's own file directly: a zsh must never start
// without the person's configuration because of us.
export const ZDOTDIR_FILES: Readonly<Record<string, string>> = {
  '.zshenv': dotfile('zshenv.zsh', '.zshenv', false),
  '.zprofile': dotfile('zprofile.zsh', '.zprofile', false),
  '.zshrc': dotfile('zshrc.zsh', '.zshrc', true),
  '.zlogin': dotfile('zlogin.zsh', '.zlogin', true),
};

function dotfile(script: string, userFile: string, handBackZdotdir: boolean): string {
  const fallback = handBackZdotdir
    ? `  ZDOTDIR=\${AGENT_GUARD_USER_ZDOTDIR:-$HOME}\n  if [[ -f $ZDOTDIR/${userFile} ]]; then . "$ZDOTDIR/${userFile}"; fi\n`
    : `  __ag_zd=$ZDOTDIR; ZDOTDIR=\${AGENT_GUARD_USER_ZDOTDIR:-$HOME}\n  if [[ -f $ZDOTDIR/${userFile} && $ZDOTDIR != $__ag_zd ]]; then . "$ZDOTDIR/${userFile}"; fi\n  ZDOTDIR=$__ag_zd; unset __ag_zd\n`;
  return (
    `# Written by the Agent Guard extension (ZDOTDIR of VS Code terminals). Reads your own ${userFile}.\n` +
    `if [[ -r "\${AGENT_GUARD_SHELL_DIR:-/nonexistent}/${script}" ]]; then\n` +
    `  . "$AGENT_GUARD_SHELL_DIR/${script}"\n` +
    `else\n` +
    fallback +
    `fi\n`
  );
}
