// Shell completion scripts generated from the commander tree. The scripts are static text: nothing
// runs the CLI at completion time, so completing is instant and works without credentials.
import type { Command } from 'commander';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { describeProgram } from './tree.js';
import { wordLists } from './values.js';
import { zshScript } from './zsh.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}

export function completionScript(shell: Shell, program: Command): string {
  const tree = describeProgram(program);
  const words = wordLists();
  switch (shell) {
    case 'bash':
      return bashScript(tree, words);
    case 'zsh':
      return zshScript(tree, words);
    case 'fish':
      return fishScript(tree, words);
  }
}

/** The file name each shell looks for, as shipped under completions/. */
export function completionFileName(shell: Shell, programName: string): string {
  switch (shell) {
    case 'bash':
      return `${programName}.bash`;
    case 'zsh':
      return `_${programName}`;
    case 'fish':
      return `${programName}.fish`;
  }
}
