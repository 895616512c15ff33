// The bash completion script: static data (case tables generated from the command tree) and one
// fixed function that walks the words typed so far. Works with bash 3.2 (macOS) and newer, with or
// without the bash-completion package.
import { shQuote, wordList } from './quote.js';
import { allCommands, optionNames, type CommandSpec } from './tree.js';
import type { ValueKind } from './values.js';
import type { WordLists } from './values.js';

export function bashScript(program: CommandSpec, words: WordLists): string {
  const commands = allCommands(program);
  const key = (command: CommandSpec) => command.path.join(' ');
  const name = program.name;
  const fn = `_${name.replace(/[^A-Za-z0-9]/g, '_')}`;

  const subcommandArms = commands
    .filter((c) => c.subcommands.length > 0)
    .map((c) => `        ${shQuote(key(c))}) echo ${shQuote(wordList(c.subcommands.map((s) => s.name)))} ;;`);

  const optionArms = commands
    .filter((c) => c.options.length > 0)
    .map((c) => `        ${shQuote(key(c))}) echo ${shQuote(wordList(c.options.flatMap(optionNames)))} ;;`);

  // One arm per command and value kind: 'invoke|-m' | 'invoke|--model') echo model ;;
  const valueArms: string[] = [];
  for (const c of commands) {
    const byKind = new Map<string, string[]>();
    for (const option of c.options) {
      if (option.value.kind === 'none' || option.optionalValue) continue;
      const kind = kindWord(option.value);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ...optionNames(option).map((n) => shQuote(`${key(c)}|${n}`))]);
    }
    for (const [kind, patterns] of byKind) valueArms.push(`        ${patterns.join(' | ')}) echo ${shQuote(kind)} ;;`);
  }

  const argumentArms: string[] = [];
  for (const c of commands) {
    if (c.arguments.every((a) => a.value.kind === 'text')) continue;
    c.arguments.forEach((argument, i) => {
      const pattern = argument.variadic ? `${shQuote(`${key(c)}|`)}*` : shQuote(`${key(c)}|${i + 1}`);
      argumentArms.push(`        ${pattern}) echo ${shQuote(kindWord(argument.value))} ;;`);
    });
  }

  return `# bash completion for ${name}                                -*- shell-script -*-
# Generated from the command tree by \`npm run completions\` (the same text as \`${name} completion bash\`):
# do not edit by hand.
#
# Install for your user (bash-completion loads it on first use):
#   ${name} completion bash > ~/.local/share/bash-completion/completions/${name}
# or add to ~/.bashrc:
#   source <(${name} completion bash)

${fn}_words_model=${shQuote(wordList(words.model))}
${fn}_words_region=${shQuote(wordList(words.region))}
${fn}_words_scope=${shQuote(wordList(words.scope))}

# The subcommands of a command path ('' is the program itself).
${fn}_subcommands() {
    case "$1" in
${subcommandArms.join('\n')}
    esac
}

# Every option a command path accepts: its own and the program's.
${fn}_options() {
    case "$1" in
${optionArms.join('\n')}
    esac
}

# How the value of option $2 of command path $1 completes:
# none (a flag), text, file, directory, model, region, scope or "choices A B ...".
${fn}_option_value() {
    case "$1|$2" in
${valueArms.join('\n')}
        *) echo none ;;
    esac
}

# How positional argument number $2 of command path $1 completes.
${fn}_argument_value() {
    case "$1|$2" in
${argumentArms.join('\n')}
        *) echo text ;;
    esac
}

# Adds to COMPREPLY the completions of kind $1 that start with $2, each prefixed with $3.
${fn}_complete() {
    local kind="$1" cur="$2" prefix="$3" words='' flag=-f word
    case "$kind" in
        model) words="$${fn}_words_model" ;;
        region) words="$${fn}_words_region" ;;
        scope) words="$${fn}_words_scope" ;;
        choices\\ *) words="\${kind#choices }" ;;
        file | directory)
            [[ "$kind" == directory ]] && flag=-d
            if type compopt &>/dev/null; then compopt -o filenames 2>/dev/null; fi
            while IFS= read -r word; do COMPREPLY+=("$prefix$word"); done < <(compgen "$flag" -- "$cur")
            return 0
            ;;
        *) return 0 ;;
    esac
    while IFS= read -r word; do COMPREPLY+=("$prefix$word"); done < <(compgen -W "$words" -- "$cur")
}

${fn}() {
    local words=() cword
    if [[ -n "\${COMP_LINE-}" ]]; then
        # Split the line up to the cursor here: bash's COMP_WORDS break "v1:0" at ':' and "--opt=x" at '='.
        local line="\${COMP_LINE:0:\${COMP_POINT:-\${#COMP_LINE}}}"
        read -r -a words <<< "$line"
        if [[ \${#words[@]} -eq 0 || "$line" == *[[:space:]] ]]; then words+=(''); fi
        cword=$(( \${#words[@]} - 1 ))
    else
        words=("\${COMP_WORDS[@]}")
        cword=\${COMP_CWORD:-0}
    fi

    # Walk the words before the cursor: subcommands make the path; option values are skipped.
    local path='' npos=0 i word kind
    for (( i = 1; i < cword; i++ )); do
        word="\${words[i]}"
        case "$word" in
            --*=*) continue ;;
            -?*)
                kind=$(${fn}_option_value "$path" "$word")
                if [[ "$kind" != none ]]; then i=$(( i + 1 )); fi
                continue
                ;;
        esac
        if [[ $npos -eq 0 && " $(${fn}_subcommands "$path") " == *" $word "* ]]; then
            path="\${path:+$path }$word"
        else
            npos=$(( npos + 1 ))
        fi
    done

    local cur="\${words[cword]}" prev=''
    if (( cword > 0 )); then prev="\${words[cword-1]}"; fi
    local subcommands
    subcommands=$(${fn}_subcommands "$path")
    COMPREPLY=()
    if [[ "$cur" == --*=* ]]; then
        ${fn}_complete "$(${fn}_option_value "$path" "\${cur%%=*}")" "\${cur#*=}" "\${cur%%=*}="
    elif [[ "$prev" == -?* && "$prev" != --*=* && "$(${fn}_option_value "$path" "$prev")" != none ]]; then
        ${fn}_complete "$(${fn}_option_value "$path" "$prev")" "$cur" ''
    elif [[ "$cur" == -* ]]; then
        ${fn}_complete "choices $(${fn}_options "$path")" "$cur" ''
    elif [[ $npos -eq 0 && -n "$subcommands" ]]; then
        ${fn}_complete "choices $subcommands" "$cur" ''
    else
        ${fn}_complete "$(${fn}_argument_value "$path" $(( npos + 1 )))" "$cur" ''
    fi

    # bash replaces only the part of the word after its last ':' or '=' (when those break words).
    if [[ -n "\${COMP_LINE-}" ]]; then
        local breaks=''
        [[ "$COMP_WORDBREAKS" == *:* ]] && breaks+=':'
        [[ "$COMP_WORDBREAKS" == *=* ]] && breaks+='='
        if [[ -n "$breaks" && "$cur" == *["$breaks"]* ]]; then
            local head="\${cur%"\${cur##*["$breaks"]}"}"
            for i in "\${!COMPREPLY[@]}"; do COMPREPLY[i]="\${COMPREPLY[i]#"$head"}"; done
        fi
    fi
    return 0
}

complete -F ${fn} ${name}
`;
}

function kindWord(value: ValueKind): string {
  return value.kind === 'choices' ? `choices ${wordList(value.choices)}` : value.kind;
}
