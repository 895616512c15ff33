// The fish completion script: `complete` lines conditioned on the command path, which one fixed
// function reads from the command line (subcommands make the path; option values are skipped).
import { fishQuote, wordList } from './quote.js';
import { allCommands, optionNames, type CommandSpec, type OptionSpec } from './tree.js';
import type { ValueKind, WordLists } from './values.js';

export function fishScript(program: CommandSpec, words: WordLists): string {
  const name = program.name;
  const fn = `__${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  const commands = allCommands(program);
  const key = (command: CommandSpec) => command.path.join(' ');

  const subcommandArms = commands
    .filter((c) => c.subcommands.length > 0)
    .map((c) => `        case ${fishQuote(key(c))}\n            printf '%s\\n' ${wordList(c.subcommands.map((s) => s.name))}`);

  const valueOptionArms = commands.flatMap((c) => {
    const patterns = c.options
      .filter((o) => o.value.kind !== 'none' && !o.optionalValue)
      .flatMap(optionNames)
      .map((n) => fishQuote(`${key(c)}|${n}`));
    return patterns.length > 0 ? [`        case ${patterns.join(' ')}\n            return 0`] : [];
  });

  const values = (value: ValueKind): string => {
    switch (value.kind) {
      case 'none':
        return '';
      case 'file':
        return ' -r -F';
      case 'directory':
        return ` -x -a ${fishQuote('(__fish_complete_directories (commandline -ct))')}`;
      case 'model':
      case 'region':
      case 'scope':
        return ` -x -a ${fishQuote(`(${fn}_words ${value.kind})`)}`;
      case 'choices':
        return ` -x -a ${fishQuote(wordList(value.choices))}`;
      default:
        return ' -x';
    }
  };

  /** The condition of a completion: the command line is at this command path. */
  const at = (command: CommandSpec) => `-n "${fn}_at '${wordList(command.path)}'"`;

  const optionLine = (command: CommandSpec, option: OptionSpec) => {
    const names = `${option.short ? ` -s ${option.short.slice(1)}` : ''}${option.long ? ` -l ${option.long.slice(2)}` : ''}`;
    return `complete -c ${name} ${at(command)}${names}${values(option.value)} -d ${fishQuote(option.description)}`;
  };

  const lines: string[] = [];
  for (const command of commands) {
    lines.push('', `# ${[name, ...command.path].join(' ')}`);
    for (const sub of command.subcommands) {
      lines.push(`complete -c ${name} ${at(command)} -a ${fishQuote(sub.name)} -d ${fishQuote(sub.description)}`);
    }
    for (const option of command.options) lines.push(optionLine(command, option));
    if (command.subcommands.length === 0) {
      for (const argument of command.arguments) {
        const completion = values(argument.value);
        if (argument.value.kind !== 'text' && completion !== '') {
          lines.push(`complete -c ${name} ${at(command)}${completion.replace(/ -[rx]\b/, '')} -d ${fishQuote(argument.name)}`);
        }
      }
    }
  }

  return `# fish completion for ${name}.
# Generated from the command tree by \`npm run completions\` (the same text as \`${name} completion fish\`):
# do not edit by hand.
#
# Install: ${name} completion fish > ~/.config/fish/completions/${name}.fish

# The subcommands of a command path ('' is the program itself).
function ${fn}_subcommands
    switch "$argv[1]"
${subcommandArms.join('\n')}
    end
end

# Whether option $argv[2] of command path $argv[1] takes a value (the next word).
function ${fn}_takes_value
    switch "$argv[1]|$argv[2]"
${valueOptionArms.join('\n')}
    end
    return 1
end

# The command path of the command line before the cursor: "models resolve", or '' for the program.
function ${fn}_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path
    set -l skip 0
    for token in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $token
            case '--*=*'
                continue
            case '-?*'
                if ${fn}_takes_value "$path" $token
                    set skip 1
                end
                continue
        end
        if contains -- $token (${fn}_subcommands "$path")
            set -a path $token
        else
            break
        end
    end
    echo "$path"
end

function ${fn}_at
    set -l path (${fn}_path)
    test "$path" = "$argv[1]"
end

function ${fn}_words
    switch $argv[1]
        case model
            printf '%s\\n' ${wordList(words.model)}
        case region
            printf '%s\\n' ${wordList(words.region)}
        case scope
            printf '%s\\n' ${wordList(words.scope)}
    end
end

complete -c ${name} -f
${lines.join('\n')}
`;
}
