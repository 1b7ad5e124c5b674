import { SHELLS } from '../completion/shells.js';
import { define, spec, type Definition } from './define.js';
import type { NounSpec } from './register.js';

// completion stands alone, without a noun.
export const nouns: NounSpec[] = [];

export const completion = spec({
  path: ['completion'],
  summary: 'print a shell completion script (bash, zsh or fish) for commands, flags, choices and store ids',
  args: [{ name: 'shell', description: 'the shell', choices: SHELLS }],
  flags: {},
  examples: [
    'nsm completion bash > ~/.local/share/bash-completion/completions/nsm',
    'nsm completion zsh > ~/.zfunc/_nsm',
    'nsm completion fish > ~/.config/fish/completions/nsm.fish',
  ],
  notes:
    'To try it in the shell you are in: source <(nsm completion bash), source <(nsm completion zsh)\n' +
    '(after compinit), or nsm completion fish | source. For zsh, ~/.zfunc must be in $fpath before\n' +
    'compinit runs: fpath=(~/.zfunc $fpath) in ~/.zshrc.\n' +
    'Sector, meeting, issue, solution and NCO ids are read from the store when Tab is pressed (the\n' +
    'store given by --store on the line, else NSM_STORE, else the store setting); the default\n' +
    "precinct's come first.",
});

export const definitions: Definition[] = [define(completion, () => import('../commands/completion.js'))];
