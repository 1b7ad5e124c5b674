import type { Options } from '../cli/define.js';
import type { completion } from '../cli/completion.js';
import { definitions, nouns } from '../cli/commands.js';
import type { Context } from '../context.js';
import { bashScript } from '../completion/bash.js';
import { fishScript } from '../completion/fish.js';
import { completionModel, type CompletionModel } from '../completion/model.js';
import type { Shell } from '../completion/shells.js';
import { zshScript } from '../completion/zsh.js';
import { text, type Output } from '../render/view.js';

const WRITERS: Record<Shell, (model: CompletionModel) => string> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
};

/** The script is written from the definitions as they are when it runs, so it never lags a command. */
export async function run(_ctx: Context, options: Options<typeof completion>): Promise<Output> {
  const script = WRITERS[options.shell](completionModel(nouns, definitions));
  return { json: { shell: options.shell, script: `${script}\n` }, blocks: [text(script)] };
}
