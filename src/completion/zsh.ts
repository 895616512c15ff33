// The zsh completion script: one _arguments function per command, generated from the command tree.
// Works autoloaded from $fpath (as _<name>) and when sourced after compinit.
import { shQuote, wordList } from './quote.js';
import { allCommands, type ArgumentSpec, type CommandSpec, type OptionSpec } from './tree.js';
import type { ValueKind, WordLists } from './values.js';

export function zshScript(program: CommandSpec, words: WordLists): string {
  const name = program.name;
  const fn = (command: CommandSpec) => ['_' + name, ...command.path].join('-');
  const valueFn = (kind: string) => `__${name}_${kind}`;

  const action = (value: ValueKind): string => {
    switch (value.kind) {
      case 'model':
      case 'region':
      case 'scope':
        return valueFn(value.kind);
      case 'file':
        return '_files';
      case 'directory':
        return '_files -/';
      case 'choices':
        return `(${wordList(value.choices)})`;
      default:
        return ' ';
    }
  };

  const optionSpec = (option: OptionSpec): string => {
    const takesValue = option.value.kind !== 'none';
    const description = `[${escapeSpec(option.description)}]`;
    const valuePart = takesValue
      ? `${option.optionalValue ? '::' : ':'}${escapeSpec(placeholderOf(option))}:${action(option.value)}`
      : '';
    const shortName = option.short && `${option.short}${takesValue ? (option.optionalValue ? '-' : '+') : ''}`;
    const longName = option.long && `${option.long}${takesValue ? (option.optionalValue ? '=-' : '=') : ''}`;
    const repeat = option.repeatable ? '*' : '';
    if (shortName && longName) {
      const exclusion = option.repeatable ? shQuote('*') : shQuote(`(${option.short} ${option.long})`);
      return `${exclusion}{${shortName},${longName}}${shQuote(description + valuePart)}`;
    }
    return shQuote(`${repeat}${shortName ?? longName ?? ''}${description}${valuePart}`);
  };

  const argumentSpec = (argument: ArgumentSpec, index: number): string => {
    const position = argument.variadic ? '*' : String(index + 1);
    const optional = argument.required || argument.variadic ? '' : ':';
    return shQuote(`${position}:${optional}${escapeSpec(argument.name)}:${action(argument.value)}`);
  };

  const functions = allCommands(program).map((command) => {
    const specs = command.options.map(optionSpec);
    if (command.subcommands.length === 0) {
      specs.push(...command.arguments.map(argumentSpec));
      const body = specs.length > 0 ? `    _arguments -s -S \\\n${specs.map((s) => `        ${s}`).join(' \\\n')}` : '    _message "no more arguments"';
      return `${fn(command)}() {\n${body}\n}`;
    }
    const entries = command.subcommands.map((sub) => `            ${shQuote(`${sub.name.replace(/:/g, '\\:')}:${sub.description}`)}`);
    const dispatch = command.subcommands.map((sub) => `                (${sub.name}) ${fn(sub)} && ret=0 ;;`);
    return `${fn(command)}() {
    local curcontext="$curcontext" state state_descr line ret=1
    typeset -A opt_args
    _arguments -C -s -S \\
${[...specs, shQuote(': :->command'), shQuote('*:: :->argument')].map((s) => `        ${s}`).join(' \\\n')} && ret=0
    case $state in
        (command)
            local -a commands
            commands=(
${entries.join('\n')}
            )
            _describe -t commands ${shQuote(`${[name, ...command.path].join(' ')} command`)} commands && ret=0
            ;;
        (argument)
            curcontext="\${curcontext%:*:*}:${[name, ...command.path].join('-')}-\${words[1]}:"
            case \${words[1]} in
${dispatch.join('\n')}
            esac
            ;;
    esac
    return ret
}`;
  });

  const valueFunctions = (['model', 'region', 'scope'] as const).map(
    (kind) => `${valueFn(kind)}() {
    local expl
    local -a values
    values=(
${words[kind].map((w) => `        ${shQuote(w)}`).join('\n')}
    )
    _wanted ${kind}s expl ${kind} compadd -a values
}`,
  );

  return `#compdef ${name}
# zsh completion for ${name}.
# Generated from the command tree by \`npm run completions\` (the same text as \`${name} completion zsh\`):
# do not edit by hand.
#
# Install: save it as _${name} in a directory on $fpath, before compinit runs, e.g.
#   mkdir -p ~/.zfunc && ${name} completion zsh > ~/.zfunc/_${name}
#   # in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath)
# or, after compinit in ~/.zshrc:
#   source <(${name} completion zsh)

${valueFunctions.join('\n\n')}

${functions.join('\n\n')}

if [[ "\${funcstack[1]-}" == _${name} ]]; then
    _${name} "$@"
elif (( \${+functions[compdef]} )); then
    compdef _${name} ${name}
fi
`;
}

/** Text inside an _arguments spec: brackets and colons are syntax there. */
function escapeSpec(text: string): string {
  return text.replace(/[\\[\]:]/g, (c) => `\\${c}`);
}

function placeholderOf(option: OptionSpec): string {
  const long = option.long?.replace(/^--/, '');
  return option.value.kind === 'choices' || option.value.kind === 'text' ? (long ?? option.value.kind) : option.value.kind;
}
