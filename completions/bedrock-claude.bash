# bash completion for bedrock-claude                                -*- shell-script -*-
# Generated from the command tree by `npm run completions` (the same text as `bedrock-claude completion bash`):
# do not edit by hand.
#
# Install for your user (bash-completion loads it on first use):
#   bedrock-claude completion bash > ~/.local/share/bash-completion/completions/bedrock-claude
# or add to ~/.bashrc:
#   source <(bedrock-claude completion bash)

_bedrock_claude_words_model='claude claude-1 claude-2 claude-2.1 claude-instant fable fable-5 fable-5.1 haiku haiku-3 haiku-3.5 haiku-4.5 instant mythos mythos-preview opus opus-3 opus-4.1 opus-4.5 opus-4.6 opus-4.7 opus-4.8 opus-5 sonnet sonnet-3 sonnet-3.5 sonnet-3.5-v2 sonnet-4 sonnet-4.5 sonnet-4.6 sonnet-5 anthropic.claude-3-5-haiku-20241022-v1:0 anthropic.claude-3-5-sonnet-20240620-v1:0 anthropic.claude-3-5-sonnet-20241022-v2:0 anthropic.claude-3-haiku-20240307-v1:0 anthropic.claude-3-opus-20240229-v1:0 anthropic.claude-3-sonnet-20240229-v1:0 anthropic.claude-fable-5 anthropic.claude-fable-5-1 anthropic.claude-haiku-4-5-20251001-v1:0 anthropic.claude-instant-v1 anthropic.claude-mythos-preview anthropic.claude-opus-4-1-20250805-v1:0 anthropic.claude-opus-4-5-20251101-v1:0 anthropic.claude-opus-4-6-v1 anthropic.claude-opus-4-7 anthropic.claude-opus-4-8 anthropic.claude-opus-5 anthropic.claude-sonnet-4-20250514-v1:0 anthropic.claude-sonnet-4-5-20250929-v1:0 anthropic.claude-sonnet-4-6 anthropic.claude-sonnet-5 anthropic.claude-v1 anthropic.claude-v2 anthropic.claude-v2:1 apac.anthropic.claude-3-5-sonnet-20240620-v1:0 apac.anthropic.claude-3-5-sonnet-20241022-v2:0 apac.anthropic.claude-3-sonnet-20240229-v1:0 apac.anthropic.claude-sonnet-4-20250514-v1:0 au.anthropic.claude-haiku-4-5-20251001-v1:0 au.anthropic.claude-opus-4-6-v1 au.anthropic.claude-opus-4-7 au.anthropic.claude-opus-4-8 au.anthropic.claude-opus-5 au.anthropic.claude-sonnet-4-5-20250929-v1:0 au.anthropic.claude-sonnet-4-6 au.anthropic.claude-sonnet-5 eu.anthropic.claude-3-5-sonnet-20240620-v1:0 eu.anthropic.claude-3-5-sonnet-20241022-v2:0 eu.anthropic.claude-3-haiku-20240307-v1:0 eu.anthropic.claude-3-opus-20240229-v1:0 eu.anthropic.claude-3-sonnet-20240229-v1:0 eu.anthropic.claude-fable-5 eu.anthropic.claude-haiku-4-5-20251001-v1:0 eu.anthropic.claude-opus-4-5-20251101-v1:0 eu.anthropic.claude-opus-4-6-v1 eu.anthropic.claude-opus-4-7 eu.anthropic.claude-opus-4-8 eu.anthropic.claude-opus-5 eu.anthropic.claude-sonnet-4-20250514-v1:0 eu.anthropic.claude-sonnet-4-5-20250929-v1:0 eu.anthropic.claude-sonnet-4-6 eu.anthropic.claude-sonnet-5 global.anthropic.claude-fable-5 global.anthropic.claude-fable-5-1 global.anthropic.claude-haiku-4-5-20251001-v1:0 global.anthropic.claude-opus-4-5-20251101-v1:0 global.anthropic.claude-opus-4-6-v1 global.anthropic.claude-opus-4-7 global.anthropic.claude-opus-4-8 global.anthropic.claude-opus-5 global.anthropic.claude-sonnet-4-20250514-v1:0 global.anthropic.claude-sonnet-4-5-20250929-v1:0 global.anthropic.claude-sonnet-4-6 global.anthropic.claude-sonnet-5 jp.anthropic.claude-haiku-4-5-20251001-v1:0 jp.anthropic.claude-opus-4-7 jp.anthropic.claude-opus-4-8 jp.anthropic.claude-sonnet-4-5-20250929-v1:0 jp.anthropic.claude-sonnet-4-6 jp.anthropic.claude-sonnet-5 us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0 us.anthropic.claude-3-5-haiku-20241022-v1:0 us.anthropic.claude-3-5-sonnet-20240620-v1:0 us.anthropic.claude-3-5-sonnet-20241022-v2:0 us.anthropic.claude-3-haiku-20240307-v1:0 us.anthropic.claude-3-opus-20240229-v1:0 us.anthropic.claude-3-sonnet-20240229-v1:0 us.anthropic.claude-fable-5 us.anthropic.claude-fable-5-1 us.anthropic.claude-haiku-4-5-20251001-v1:0 us.anthropic.claude-opus-4-1-20250805-v1:0 us.anthropic.claude-opus-4-5-20251101-v1:0 us.anthropic.claude-opus-4-6-v1 us.anthropic.claude-opus-4-7 us.anthropic.claude-opus-4-8 us.anthropic.claude-opus-5 us.anthropic.claude-sonnet-4-20250514-v1:0 us.anthropic.claude-sonnet-4-5-20250929-v1:0 us.anthropic.claude-sonnet-4-6 us.anthropic.claude-sonnet-5'
_bedrock_claude_words_region='af-south-1 ap-east-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-south-1 ap-south-2 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-6 ap-southeast-7 ca-central-1 ca-west-1 eu-central-1 eu-central-2 eu-north-1 eu-south-1 eu-south-2 eu-west-1 eu-west-2 eu-west-3 il-central-1 me-central-1 me-south-1 mx-central-1 sa-east-1 us-east-1 us-east-2 us-gov-east-1 us-gov-west-1 us-west-1 us-west-2'
_bedrock_claude_words_scope='auto global geo region'

# The subcommands of a command path ('' is the program itself).
_bedrock_claude_subcommands() {
    case "$1" in
        '') echo 'models invoke converse cost batch doctor explain completion help' ;;
        'models') echo 'list resolve help' ;;
        'cost') echo 'estimate help' ;;
        'batch') echo 'submit status list results cancel help' ;;
    esac
}

# Every option a command path accepts: its own and the program's.
_bedrock_claude_options() {
    case "$1" in
        '') echo '-V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay -h --help' ;;
        'models') echo '-h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'models list') echo '--offline --all --refresh -h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'models resolve') echo '--scope -h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'invoke') echo '-m --model --scope --system --attach --max-tokens --temperature --top-p --stop --thinking --effort --cache --tools --beta --stream --no-stream --dry-run --timeout -c --continue --conversation --body --api -h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'converse') echo '-m --model --scope --system --attach --max-tokens --temperature --top-p --stop --thinking --effort --cache --tools --beta --stream --no-stream --dry-run --timeout -c --continue --conversation --jsonl --concurrency --estimate -h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'cost') echo '-h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'cost estimate') echo '-m --model --scope --input-tokens --output-tokens --cache-read-tokens --cache-write-tokens --cache-ttl --prompt-file --attach --max-tokens --thinking-budget --exact --batch --requests --per --credits --compare --prices --date -h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'batch') echo '-h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'batch submit') echo '--input -m --model --scope --s3 --role-arn --job-name --system --max-tokens --temperature --min-records --timeout-hours --wait --poll-interval -h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'batch status') echo '--wait --poll-interval -h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'batch list') echo '--status --max -h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'batch results') echo '-h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'batch cancel') echo '-h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'doctor') echo '-m --model --scope --strict --probe --format -h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'explain') echo '-m --model --api -h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
        'completion') echo '-h --help -V --version --region --profile --endpoint-url --json --no-color -q --quiet --debug --config --max-attempts --record --replay' ;;
    esac
}

# How the value of option $2 of command path $1 completes:
# none (a flag), text, file, directory, model, region, scope or "choices A B ...".
_bedrock_claude_option_value() {
    case "$1|$2" in
        '|--region') echo 'region' ;;
        '|--profile' | '|--endpoint-url' | '|--max-attempts') echo 'text' ;;
        '|--config') echo 'file' ;;
        '|--record' | '|--replay') echo 'directory' ;;
        'models|--region') echo 'region' ;;
        'models|--profile' | 'models|--endpoint-url' | 'models|--max-attempts') echo 'text' ;;
        'models|--config') echo 'file' ;;
        'models|--record' | 'models|--replay') echo 'directory' ;;
        'models list|--region') echo 'region' ;;
        'models list|--profile' | 'models list|--endpoint-url' | 'models list|--max-attempts') echo 'text' ;;
        'models list|--config') echo 'file' ;;
        'models list|--record' | 'models list|--replay') echo 'directory' ;;
        'models resolve|--scope') echo 'scope' ;;
        'models resolve|--region') echo 'region' ;;
        'models resolve|--profile' | 'models resolve|--endpoint-url' | 'models resolve|--max-attempts') echo 'text' ;;
        'models resolve|--config') echo 'file' ;;
        'models resolve|--record' | 'models resolve|--replay') echo 'directory' ;;
        'invoke|-m' | 'invoke|--model') echo 'model' ;;
        'invoke|--scope') echo 'scope' ;;
        'invoke|--system' | 'invoke|--max-tokens' | 'invoke|--temperature' | 'invoke|--top-p' | 'invoke|--stop' | 'invoke|--thinking' | 'invoke|--effort' | 'invoke|--beta' | 'invoke|--timeout' | 'invoke|--profile' | 'invoke|--endpoint-url' | 'invoke|--max-attempts') echo 'text' ;;
        'invoke|--attach' | 'invoke|--tools' | 'invoke|--conversation' | 'invoke|--body' | 'invoke|--config') echo 'file' ;;
        'invoke|--api') echo 'choices invoke messages' ;;
        'invoke|--region') echo 'region' ;;
        'invoke|--record' | 'invoke|--replay') echo 'directory' ;;
        'converse|-m' | 'converse|--model') echo 'model' ;;
        'converse|--scope') echo 'scope' ;;
        'converse|--system' | 'converse|--max-tokens' | 'converse|--temperature' | 'converse|--top-p' | 'converse|--stop' | 'converse|--thinking' | 'converse|--effort' | 'converse|--beta' | 'converse|--timeout' | 'converse|--concurrency' | 'converse|--profile' | 'converse|--endpoint-url' | 'converse|--max-attempts') echo 'text' ;;
        'converse|--attach' | 'converse|--tools' | 'converse|--conversation' | 'converse|--config') echo 'file' ;;
        'converse|--region') echo 'region' ;;
        'converse|--record' | 'converse|--replay') echo 'directory' ;;
        'cost|--region') echo 'region' ;;
        'cost|--profile' | 'cost|--endpoint-url' | 'cost|--max-attempts') echo 'text' ;;
        'cost|--config') echo 'file' ;;
        'cost|--record' | 'cost|--replay') echo 'directory' ;;
        'cost estimate|-m' | 'cost estimate|--model') echo 'model' ;;
        'cost estimate|--scope') echo 'scope' ;;
        'cost estimate|--input-tokens' | 'cost estimate|--output-tokens' | 'cost estimate|--cache-read-tokens' | 'cost estimate|--cache-write-tokens' | 'cost estimate|--max-tokens' | 'cost estimate|--thinking-budget' | 'cost estimate|--requests' | 'cost estimate|--credits' | 'cost estimate|--date' | 'cost estimate|--profile' | 'cost estimate|--endpoint-url' | 'cost estimate|--max-attempts') echo 'text' ;;
        'cost estimate|--cache-ttl') echo 'choices 5m 1h' ;;
        'cost estimate|--prompt-file' | 'cost estimate|--attach' | 'cost estimate|--prices' | 'cost estimate|--config') echo 'file' ;;
        'cost estimate|--per') echo 'choices day month' ;;
        'cost estimate|--region') echo 'region' ;;
        'cost estimate|--record' | 'cost estimate|--replay') echo 'directory' ;;
        'batch|--region') echo 'region' ;;
        'batch|--profile' | 'batch|--endpoint-url' | 'batch|--max-attempts') echo 'text' ;;
        'batch|--config') echo 'file' ;;
        'batch|--record' | 'batch|--replay') echo 'directory' ;;
        'batch submit|--input' | 'batch submit|--config') echo 'file' ;;
        'batch submit|-m' | 'batch submit|--model') echo 'model' ;;
        'batch submit|--scope') echo 'scope' ;;
        'batch submit|--s3' | 'batch submit|--role-arn' | 'batch submit|--job-name' | 'batch submit|--system' | 'batch submit|--max-tokens' | 'batch submit|--temperature' | 'batch submit|--min-records' | 'batch submit|--timeout-hours' | 'batch submit|--poll-interval' | 'batch submit|--profile' | 'batch submit|--endpoint-url' | 'batch submit|--max-attempts') echo 'text' ;;
        'batch submit|--region') echo 'region' ;;
        'batch submit|--record' | 'batch submit|--replay') echo 'directory' ;;
        'batch status|--poll-interval' | 'batch status|--profile' | 'batch status|--endpoint-url' | 'batch status|--max-attempts') echo 'text' ;;
        'batch status|--region') echo 'region' ;;
        'batch status|--config') echo 'file' ;;
        'batch status|--record' | 'batch status|--replay') echo 'directory' ;;
        'batch list|--status') echo 'choices Submitted Validating Scheduled InProgress Completed PartiallyCompleted Failed Stopping Stopped Expired' ;;
        'batch list|--max' | 'batch list|--profile' | 'batch list|--endpoint-url' | 'batch list|--max-attempts') echo 'text' ;;
        'batch list|--region') echo 'region' ;;
        'batch list|--config') echo 'file' ;;
        'batch list|--record' | 'batch list|--replay') echo 'directory' ;;
        'batch results|--region') echo 'region' ;;
        'batch results|--profile' | 'batch results|--endpoint-url' | 'batch results|--max-attempts') echo 'text' ;;
        'batch results|--config') echo 'file' ;;
        'batch results|--record' | 'batch results|--replay') echo 'directory' ;;
        'batch cancel|--region') echo 'region' ;;
        'batch cancel|--profile' | 'batch cancel|--endpoint-url' | 'batch cancel|--max-attempts') echo 'text' ;;
        'batch cancel|--config') echo 'file' ;;
        'batch cancel|--record' | 'batch cancel|--replay') echo 'directory' ;;
        'doctor|-m' | 'doctor|--model') echo 'model' ;;
        'doctor|--scope') echo 'scope' ;;
        'doctor|--format') echo 'choices text github' ;;
        'doctor|--region') echo 'region' ;;
        'doctor|--profile' | 'doctor|--endpoint-url' | 'doctor|--max-attempts') echo 'text' ;;
        'doctor|--config') echo 'file' ;;
        'doctor|--record' | 'doctor|--replay') echo 'directory' ;;
        'explain|-m' | 'explain|--model') echo 'model' ;;
        'explain|--api') echo 'choices invoke converse messages count-tokens control-plane' ;;
        'explain|--region') echo 'region' ;;
        'explain|--profile' | 'explain|--endpoint-url' | 'explain|--max-attempts') echo 'text' ;;
        'explain|--config') echo 'file' ;;
        'explain|--record' | 'explain|--replay') echo 'directory' ;;
        'completion|--region') echo 'region' ;;
        'completion|--profile' | 'completion|--endpoint-url' | 'completion|--max-attempts') echo 'text' ;;
        'completion|--config') echo 'file' ;;
        'completion|--record' | 'completion|--replay') echo 'directory' ;;
        *) echo none ;;
    esac
}

# How positional argument number $2 of command path $1 completes.
_bedrock_claude_argument_value() {
    case "$1|$2" in
        'models resolve|1') echo 'model' ;;
        'models help|1') echo 'choices list resolve' ;;
        'cost help|1') echo 'choices estimate' ;;
        'batch help|1') echo 'choices submit status list results cancel' ;;
        'completion|1') echo 'choices bash zsh fish' ;;
        'help|1') echo 'choices models invoke converse cost batch doctor explain completion' ;;
        *) echo text ;;
    esac
}

# Adds to COMPREPLY the completions of kind $1 that start with $2, each prefixed with $3.
_bedrock_claude_complete() {
    local kind="$1" cur="$2" prefix="$3" words='' flag=-f word
    case "$kind" in
        model) words="$_bedrock_claude_words_model" ;;
        region) words="$_bedrock_claude_words_region" ;;
        scope) words="$_bedrock_claude_words_scope" ;;
        choices\ *) words="${kind#choices }" ;;
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

_bedrock_claude() {
    local words=() cword
    if [[ -n "${COMP_LINE-}" ]]; then
        # Split the line up to the cursor here: bash's COMP_WORDS break "v1:0" at ':' and "--opt=x" at '='.
        local line="${COMP_LINE:0:${COMP_POINT:-${#COMP_LINE}}}"
        read -r -a words <<< "$line"
        if [[ ${#words[@]} -eq 0 || "$line" == *[[:space:]] ]]; then words+=(''); fi
        cword=$(( ${#words[@]} - 1 ))
    else
        words=("${COMP_WORDS[@]}")
        cword=${COMP_CWORD:-0}
    fi

    # Walk the words before the cursor: subcommands make the path; option values are skipped.
    local path='' npos=0 i word kind
    for (( i = 1; i < cword; i++ )); do
        word="${words[i]}"
        case "$word" in
            --*=*) continue ;;
            -?*)
                kind=$(_bedrock_claude_option_value "$path" "$word")
                if [[ "$kind" != none ]]; then i=$(( i + 1 )); fi
                continue
                ;;
        esac
        if [[ $npos -eq 0 && " $(_bedrock_claude_subcommands "$path") " == *" $word "* ]]; then
            path="${path:+$path }$word"
        else
            npos=$(( npos + 1 ))
        fi
    done

    local cur="${words[cword]}" prev=''
    if (( cword > 0 )); then prev="${words[cword-1]}"; fi
    local subcommands
    subcommands=$(_bedrock_claude_subcommands "$path")
    COMPREPLY=()
    if [[ "$cur" == --*=* ]]; then
        _bedrock_claude_complete "$(_bedrock_claude_option_value "$path" "${cur%%=*}")" "${cur#*=}" "${cur%%=*}="
    elif [[ "$prev" == -?* && "$prev" != --*=* && "$(_bedrock_claude_option_value "$path" "$prev")" != none ]]; then
        _bedrock_claude_complete "$(_bedrock_claude_option_value "$path" "$prev")" "$cur" ''
    elif [[ "$cur" == -* ]]; then
        _bedrock_claude_complete "choices $(_bedrock_claude_options "$path")" "$cur" ''
    elif [[ $npos -eq 0 && -n "$subcommands" ]]; then
        _bedrock_claude_complete "choices $subcommands" "$cur" ''
    else
        _bedrock_claude_complete "$(_bedrock_claude_argument_value "$path" $(( npos + 1 )))" "$cur" ''
    fi

    # bash replaces only the part of the word after its last ':' or '=' (when those break words).
    if [[ -n "${COMP_LINE-}" ]]; then
        local breaks=''
        [[ "$COMP_WORDBREAKS" == *:* ]] && breaks+=':'
        [[ "$COMP_WORDBREAKS" == *=* ]] && breaks+='='
        if [[ -n "$breaks" && "$cur" == *["$breaks"]* ]]; then
            local head="${cur%"${cur##*["$breaks"]}"}"
            for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]="${COMPREPLY[i]#"$head"}"; done
        fi
    fi
    return 0
}

complete -F _bedrock_claude bedrock-claude
