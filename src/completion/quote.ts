// Quoting for the generated scripts: every word from the command tree goes through one of these.

/** A POSIX single-quoted word (bash, zsh). */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A fish single-quoted word: only \ and ' are special inside. */
export function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** Joins words with one space; every word must be a plain token (no spaces or quotes). */
export function wordList(words: readonly string[]): string {
  for (const word of words) {
    if (!/^[\w.:@/+=,%-]+$/.test(word)) throw new Error(`cannot embed ${JSON.stringify(word)} in a completion word list`);
  }
  return words.join(' ');
}
