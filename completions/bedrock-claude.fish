# fish completion for bedrock-claude.
# Generated from the command tree by `npm run completions` (the same text as `bedrock-claude completion fish`):
# do not edit by hand.
#
# Install: bedrock-claude completion fish > ~/.config/fish/completions/bedrock-claude.fish

# The subcommands of a command path ('' is the program itself).
function __bedrock_claude_subcommands
    switch "$argv[1]"
        case ''
            printf '%s\n' models invoke converse cost batch doctor explain completion help
        case 'models'
            printf '%s\n' list resolve help
        case 'cost'
            printf '%s\n' estimate help
        case 'batch'
            printf '%s\n' submit status list results cancel help
    end
end

# Whether option $argv[2] of command path $argv[1] takes a value (the next word).
function __bedrock_claude_takes_value
    switch "$argv[1]|$argv[2]"
        case '|--region' '|--profile' '|--endpoint-url' '|--config' '|--max-attempts' '|--record' '|--replay'
            return 0
        case 'models|--region' 'models|--profile' 'models|--endpoint-url' 'models|--config' 'models|--max-attempts' 'models|--record' 'models|--replay'
            return 0
        case 'models list|--region' 'models list|--profile' 'models list|--endpoint-url' 'models list|--config' 'models list|--max-attempts' 'models list|--record' 'models list|--replay'
            return 0
        case 'models resolve|--scope' 'models resolve|--region' 'models resolve|--profile' 'models resolve|--endpoint-url' 'models resolve|--config' 'models resolve|--max-attempts' 'models resolve|--record' 'models resolve|--replay'
            return 0
        case 'invoke|-m' 'invoke|--model' 'invoke|--scope' 'invoke|--system' 'invoke|--attach' 'invoke|--max-tokens' 'invoke|--temperature' 'invoke|--top-p' 'invoke|--stop' 'invoke|--thinking' 'invoke|--effort' 'invoke|--tools' 'invoke|--beta' 'invoke|--timeout' 'invoke|--conversation' 'invoke|--body' 'invoke|--api' 'invoke|--region' 'invoke|--profile' 'invoke|--endpoint-url' 'invoke|--config' 'invoke|--max-attempts' 'invoke|--record' 'invoke|--replay'
            return 0
        case 'converse|-m' 'converse|--model' 'converse|--scope' 'converse|--system' 'converse|--attach' 'converse|--max-tokens' 'converse|--temperature' 'converse|--top-p' 'converse|--stop' 'converse|--thinking' 'converse|--effort' 'converse|--tools' 'converse|--beta' 'converse|--timeout' 'converse|--conversation' 'converse|--concurrency' 'converse|--region' 'converse|--profile' 'converse|--endpoint-url' 'converse|--config' 'converse|--max-attempts' 'converse|--record' 'converse|--replay'
            return 0
        case 'cost|--region' 'cost|--profile' 'cost|--endpoint-url' 'cost|--config' 'cost|--max-attempts' 'cost|--record' 'cost|--replay'
            return 0
        case 'cost estimate|-m' 'cost estimate|--model' 'cost estimate|--scope' 'cost estimate|--input-tokens' 'cost estimate|--output-tokens' 'cost estimate|--cache-read-tokens' 'cost estimate|--cache-write-tokens' 'cost estimate|--cache-ttl' 'cost estimate|--prompt-file' 'cost estimate|--attach' 'cost estimate|--max-tokens' 'cost estimate|--thinking-budget' 'cost estimate|--requests' 'cost estimate|--per' 'cost estimate|--credits' 'cost estimate|--prices' 'cost estimate|--date' 'cost estimate|--region' 'cost estimate|--profile' 'cost estimate|--endpoint-url' 'cost estimate|--config' 'cost estimate|--max-attempts' 'cost estimate|--record' 'cost estimate|--replay'
            return 0
        case 'batch|--region' 'batch|--profile' 'batch|--endpoint-url' 'batch|--config' 'batch|--max-attempts' 'batch|--record' 'batch|--replay'
            return 0
        case 'batch submit|--input' 'batch submit|-m' 'batch submit|--model' 'batch submit|--scope' 'batch submit|--s3' 'batch submit|--role-arn' 'batch submit|--job-name' 'batch submit|--system' 'batch submit|--max-tokens' 'batch submit|--temperature' 'batch submit|--min-records' 'batch submit|--timeout-hours' 'batch submit|--poll-interval' 'batch submit|--region' 'batch submit|--profile' 'batch submit|--endpoint-url' 'batch submit|--config' 'batch submit|--max-attempts' 'batch submit|--record' 'batch submit|--replay'
            return 0
        case 'batch status|--poll-interval' 'batch status|--region' 'batch status|--profile' 'batch status|--endpoint-url' 'batch status|--config' 'batch status|--max-attempts' 'batch status|--record' 'batch status|--replay'
            return 0
        case 'batch list|--status' 'batch list|--max' 'batch list|--region' 'batch list|--profile' 'batch list|--endpoint-url' 'batch list|--config' 'batch list|--max-attempts' 'batch list|--record' 'batch list|--replay'
            return 0
        case 'batch results|--region' 'batch results|--profile' 'batch results|--endpoint-url' 'batch results|--config' 'batch results|--max-attempts' 'batch results|--record' 'batch results|--replay'
            return 0
        case 'batch cancel|--region' 'batch cancel|--profile' 'batch cancel|--endpoint-url' 'batch cancel|--config' 'batch cancel|--max-attempts' 'batch cancel|--record' 'batch cancel|--replay'
            return 0
        case 'doctor|-m' 'doctor|--model' 'doctor|--scope' 'doctor|--format' 'doctor|--region' 'doctor|--profile' 'doctor|--endpoint-url' 'doctor|--config' 'doctor|--max-attempts' 'doctor|--record' 'doctor|--replay'
            return 0
        case 'explain|-m' 'explain|--model' 'explain|--api' 'explain|--region' 'explain|--profile' 'explain|--endpoint-url' 'explain|--config' 'explain|--max-attempts' 'explain|--record' 'explain|--replay'
            return 0
        case 'completion|--region' 'completion|--profile' 'completion|--endpoint-url' 'completion|--config' 'completion|--max-attempts' 'completion|--record' 'completion|--replay'
            return 0
    end
    return 1
end

# The command path of the command line before the cursor: "models resolve", or '' for the program.
function __bedrock_claude_path
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
                if __bedrock_claude_takes_value "$path" $token
                    set skip 1
                end
                continue
        end
        if contains -- $token (__bedrock_claude_subcommands "$path")
            set -a path $token
        else
            break
        end
    end
    echo "$path"
end

function __bedrock_claude_at
    set -l path (__bedrock_claude_path)
    test "$path" = "$argv[1]"
end

function __bedrock_claude_words
    switch $argv[1]
        case model
            printf '%s\n' claude claude-1 claude-2 claude-2.1 claude-instant fable fable-5 fable-5.1 haiku haiku-3 haiku-3.5 haiku-4.5 instant mythos mythos-preview opus opus-3 opus-4.1 opus-4.5 opus-4.6 opus-4.7 opus-4.8 opus-5 sonnet sonnet-3 sonnet-3.5 sonnet-3.5-v2 sonnet-4 sonnet-4.5 sonnet-4.6 sonnet-5 anthropic.claude-3-5-haiku-20241022-v1:0 anthropic.claude-3-5-sonnet-20240620-v1:0 anthropic.claude-3-5-sonnet-20241022-v2:0 anthropic.claude-3-haiku-20240307-v1:0 anthropic.claude-3-opus-20240229-v1:0 anthropic.claude-3-sonnet-20240229-v1:0 anthropic.claude-fable-5 anthropic.claude-fable-5-1 anthropic.claude-haiku-4-5-20251001-v1:0 anthropic.claude-instant-v1 anthropic.claude-mythos-preview anthropic.claude-opus-4-1-20250805-v1:0 anthropic.claude-opus-4-5-20251101-v1:0 anthropic.claude-opus-4-6-v1 anthropic.claude-opus-4-7 anthropic.claude-opus-4-8 anthropic.claude-opus-5 anthropic.claude-sonnet-4-20250514-v1:0 anthropic.claude-sonnet-4-5-20250929-v1:0 anthropic.claude-sonnet-4-6 anthropic.claude-sonnet-5 anthropic.claude-v1 anthropic.claude-v2 anthropic.claude-v2:1 apac.anthropic.claude-3-5-sonnet-20240620-v1:0 apac.anthropic.claude-3-5-sonnet-20241022-v2:0 apac.anthropic.claude-3-sonnet-20240229-v1:0 apac.anthropic.claude-sonnet-4-20250514-v1:0 au.anthropic.claude-haiku-4-5-20251001-v1:0 au.anthropic.claude-opus-4-6-v1 au.anthropic.claude-opus-4-7 au.anthropic.claude-opus-4-8 au.anthropic.claude-opus-5 au.anthropic.claude-sonnet-4-5-20250929-v1:0 au.anthropic.claude-sonnet-4-6 au.anthropic.claude-sonnet-5 eu.anthropic.claude-3-5-sonnet-20240620-v1:0 eu.anthropic.claude-3-5-sonnet-20241022-v2:0 eu.anthropic.claude-3-haiku-20240307-v1:0 eu.anthropic.claude-3-opus-20240229-v1:0 eu.anthropic.claude-3-sonnet-20240229-v1:0 eu.anthropic.claude-fable-5 eu.anthropic.claude-haiku-4-5-20251001-v1:0 eu.anthropic.claude-opus-4-5-20251101-v1:0 eu.anthropic.claude-opus-4-6-v1 eu.anthropic.claude-opus-4-7 eu.anthropic.claude-opus-4-8 eu.anthropic.claude-opus-5 eu.anthropic.claude-sonnet-4-20250514-v1:0 eu.anthropic.claude-sonnet-4-5-20250929-v1:0 eu.anthropic.claude-sonnet-4-6 eu.anthropic.claude-sonnet-5 global.anthropic.claude-fable-5 global.anthropic.claude-fable-5-1 global.anthropic.claude-haiku-4-5-20251001-v1:0 global.anthropic.claude-opus-4-5-20251101-v1:0 global.anthropic.claude-opus-4-6-v1 global.anthropic.claude-opus-4-7 global.anthropic.claude-opus-4-8 global.anthropic.claude-opus-5 global.anthropic.claude-sonnet-4-20250514-v1:0 global.anthropic.claude-sonnet-4-5-20250929-v1:0 global.anthropic.claude-sonnet-4-6 global.anthropic.claude-sonnet-5 jp.anthropic.claude-haiku-4-5-20251001-v1:0 jp.anthropic.claude-opus-4-7 jp.anthropic.claude-opus-4-8 jp.anthropic.claude-sonnet-4-5-20250929-v1:0 jp.anthropic.claude-sonnet-4-6 jp.anthropic.claude-sonnet-5 us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0 us.anthropic.claude-3-5-haiku-20241022-v1:0 us.anthropic.claude-3-5-sonnet-20240620-v1:0 us.anthropic.claude-3-5-sonnet-20241022-v2:0 us.anthropic.claude-3-haiku-20240307-v1:0 us.anthropic.claude-3-opus-20240229-v1:0 us.anthropic.claude-3-sonnet-20240229-v1:0 us.anthropic.claude-fable-5 us.anthropic.claude-fable-5-1 us.anthropic.claude-haiku-4-5-20251001-v1:0 us.anthropic.claude-opus-4-1-20250805-v1:0 us.anthropic.claude-opus-4-5-20251101-v1:0 us.anthropic.claude-opus-4-6-v1 us.anthropic.claude-opus-4-7 us.anthropic.claude-opus-4-8 us.anthropic.claude-opus-5 us.anthropic.claude-sonnet-4-20250514-v1:0 us.anthropic.claude-sonnet-4-5-20250929-v1:0 us.anthropic.claude-sonnet-4-6 us.anthropic.claude-sonnet-5
        case region
            printf '%s\n' af-south-1 ap-east-2 ap-northeast-1 ap-northeast-2 ap-northeast-3 ap-south-1 ap-south-2 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 ap-southeast-5 ap-southeast-6 ap-southeast-7 ca-central-1 ca-west-1 eu-central-1 eu-central-2 eu-north-1 eu-south-1 eu-south-2 eu-west-1 eu-west-2 eu-west-3 il-central-1 me-central-1 me-south-1 mx-central-1 sa-east-1 us-east-1 us-east-2 us-gov-east-1 us-gov-west-1 us-west-1 us-west-2
        case scope
            printf '%s\n' auto global geo region
    end
end

complete -c bedrock-claude -f

# bedrock-claude
complete -c bedrock-claude -n "__bedrock_claude_at ''" -a 'models' -d 'list Claude models and resolve model names'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -a 'invoke' -d 'send an Anthropic Messages body with InvokeModel / InvokeModelWithResponseStream'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -a 'converse' -d 'chat with Converse / ConverseStream'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -a 'cost' -d 'estimate what requests and workloads cost'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -a 'batch' -d 'Bedrock batch inference over S3 for large JSONL workloads'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -a 'doctor' -d 'preflight: config, region, credentials, clock, endpoint, model ID, access, permissions'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -a 'explain' -d 'the likely cause and fix of a Bedrock error message'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -a 'completion' -d 'print a shell completion script (commands, flags, model aliases, regions, scopes, files)'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -a 'help' -d 'display help for command'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'
complete -c bedrock-claude -n "__bedrock_claude_at ''" -s h -l help -d 'show help'

# bedrock-claude models
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -a 'list' -d 'Claude models for the region: aliases, IDs, profiles, limits, prices, lifecycle'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -a 'resolve' -d 'show the model ID that -m would send, and why; exit 4 if the combination is invalid'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -a 'help' -d 'display help for command'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'models'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude models list
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l offline -d 'use the built-in catalog only (no AWS call)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l all -d 'include legacy and end-of-life models'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l refresh -d 'ignore the cached list and ask Bedrock again'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'models list'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude models resolve
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l scope -x -a '(__bedrock_claude_words scope)' -d 'routing: auto (global, else geographic, else in-region), global, geo or region'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'
complete -c bedrock-claude -n "__bedrock_claude_at 'models resolve'" -a '(__bedrock_claude_words model)' -d 'model'

# bedrock-claude models help
complete -c bedrock-claude -n "__bedrock_claude_at 'models help'" -a 'list resolve' -d 'command'

# bedrock-claude invoke
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -s m -l model -x -a '(__bedrock_claude_words model)' -d 'alias (sonnet, opus-4.6), model ID, inference-profile ID or ARN'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l scope -x -a '(__bedrock_claude_words scope)' -d 'routing: auto (global, else geographic, else in-region), global, geo or region'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l system -x -d 'system prompt, or @file to read it from a file'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l attach -r -F -d 'attach an image (png, jpeg, gif, webp) or document (pdf, csv, doc, docx, xls, xlsx, html, txt, md); repeatable'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l max-tokens -x -d 'maximum output tokens (default: config maxTokens, capped by the model)'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l temperature -x -d 'sampling temperature'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l top-p -x -d 'nucleus sampling'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l stop -x -d 'stop sequence; repeatable'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l thinking -x -d 'extended thinking: a token budget (≥ 1024), or "adaptive"'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l effort -x -d 'effort for adaptive thinking (low, medium, high, max)'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l cache -d 'add a cache point after the system prompt and attachments'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l tools -r -F -d 'tool definitions (JSON array of {name, description, input_schema})'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l beta -x -d 'anthropic_beta flag; repeatable'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l stream -d 'stream the reply as it arrives (default on a TTY)'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l no-stream -d 'wait for the whole reply'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l dry-run -d 'print the request that would be sent (no credentials), send nothing'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l timeout -x -d 'give up on a reply after this long without data (default: fits the max tokens)'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -s c -l continue -d 'continue the last conversation'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l conversation -r -F -d 'read the conversation from this JSON file and append the new turn to it'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l body -r -F -d 'send this raw JSON body instead ("-" for stdin)'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l api -x -a 'invoke messages' -d 'invoke (InvokeModel) or messages (the Messages API)'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'invoke'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude converse
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -s m -l model -x -a '(__bedrock_claude_words model)' -d 'alias (sonnet, opus-4.6), model ID, inference-profile ID or ARN'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l scope -x -a '(__bedrock_claude_words scope)' -d 'routing: auto (global, else geographic, else in-region), global, geo or region'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l system -x -d 'system prompt, or @file to read it from a file'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l attach -r -F -d 'attach an image (png, jpeg, gif, webp) or document (pdf, csv, doc, docx, xls, xlsx, html, txt, md); repeatable'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l max-tokens -x -d 'maximum output tokens (default: config maxTokens, capped by the model)'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l temperature -x -d 'sampling temperature'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l top-p -x -d 'nucleus sampling'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l stop -x -d 'stop sequence; repeatable'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l thinking -x -d 'extended thinking: a token budget (≥ 1024), or "adaptive"'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l effort -x -d 'effort for adaptive thinking (low, medium, high, max)'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l cache -d 'add a cache point after the system prompt and attachments'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l tools -r -F -d 'tool definitions (JSON array of {name, description, input_schema})'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l beta -x -d 'anthropic_beta flag; repeatable'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l stream -d 'stream the reply as it arrives (default on a TTY)'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l no-stream -d 'wait for the whole reply'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l dry-run -d 'print the request that would be sent (no credentials), send nothing'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l timeout -x -d 'give up on a reply after this long without data (default: fits the max tokens)'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -s c -l continue -d 'continue the last conversation'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l conversation -r -F -d 'read the conversation from this JSON file and append the new turn to it'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l jsonl -d 'read JSONL prompts from stdin (a JSON string or {id, prompt, system, maxTokens} per line); one JSON result per line'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l concurrency -x -d 'requests in flight with --jsonl (default 4)'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l estimate -d 'also print the estimated cost (before sending) and the difference to the actual cost'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'converse'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude cost
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -a 'estimate' -d 'price of a request or a workload, from token counts or text; offline unless --exact'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -a 'help' -d 'display help for command'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude cost estimate
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -s m -l model -x -a '(__bedrock_claude_words model)' -d 'alias (sonnet, opus-4.6), model ID, inference-profile ID or ARN; repeat with --compare'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l scope -x -a '(__bedrock_claude_words scope)' -d 'routing: auto (global, else geographic, else in-region), global, geo or region'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l input-tokens -x -d 'input tokens (not cached), added to any counted text'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l output-tokens -x -d 'expected output tokens'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l cache-read-tokens -x -d 'input tokens read from the prompt cache'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l cache-write-tokens -x -d 'input tokens written to the prompt cache'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l cache-ttl -x -a '5m 1h' -d 'TTL of the cache writes'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l prompt-file -r -F -d 'count the prompt in this text file ("-" for stdin)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l attach -r -F -d 'count images (PNG, JPEG, GIF, WebP), PDFs or text files'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l max-tokens -x -d 'price the worst-case output: max_tokens'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l thinking-budget -x -d 'extended-thinking budget (billed as output)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l exact -d 'count the text with Bedrock CountTokens (needs a region and credentials)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l batch -d 'batch inference (says so when no batch price is known)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l requests -x -d 'workload: this many requests …'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l per -x -a 'day month' -d '… per day or per month (default day; a month is 30 days)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l credits -x -d 'how long this many dollars of credits last at that workload'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l compare -d 'the same request across the current Haiku, Sonnet and Opus (and every -m) and scopes'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l prices -r -F -d 'JSON price overrides (negotiated rates); see the README for the format'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l date -x -d 'price on this date (default today), e.g. inside a promotional window'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'cost estimate'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude cost help
complete -c bedrock-claude -n "__bedrock_claude_at 'cost help'" -a 'estimate' -d 'command'

# bedrock-claude batch
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -a 'submit' -d 'convert JSONL prompts to batch records, upload them to S3 and create the job'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -a 'status' -d 'state and timing of a job (the latest when none is given)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -a 'list' -d 'batch jobs in the region, newest first'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -a 'results' -d 'download the output and print one result line per input, in input order'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -a 'cancel' -d 'stop a job'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -a 'help' -d 'display help for command'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude batch submit
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l input -r -F -d 'JSONL prompts ("-" for stdin), as for converse --jsonl'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -s m -l model -x -a '(__bedrock_claude_words model)' -d 'alias (sonnet, opus-4.6), model ID, inference-profile ID or ARN'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l scope -x -a '(__bedrock_claude_words scope)' -d 'routing: auto (global, else geographic, else in-region), global, geo or region'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l s3 -x -d 'S3 location for input and output: s3://bucket/prefix'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l role-arn -x -d 'IAM role Bedrock assumes to read and write the S3 data'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l job-name -x -d 'job name (default bedrock-claude-<time>-<random>)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l system -x -d 'system prompt for records without their own'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l max-tokens -x -d 'max tokens for records without their own'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l temperature -x -d 'sampling temperature'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l min-records -x -d 'the account\'s minimum records per job (default 100)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l timeout-hours -x -d 'job timeout in hours'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l wait -d 'poll until the job ends; the exit code reflects how it ended'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l poll-interval -x -d 'seconds between polls with --wait (default 30)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch submit'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude batch status
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l wait -d 'poll until the job ends; the exit code reflects how it ended'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l poll-interval -x -d 'seconds between polls with --wait (default 30)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch status'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude batch list
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l status -x -a 'Submitted Validating Scheduled InProgress Completed PartiallyCompleted Failed Stopping Stopped Expired' -d 'only jobs in this state'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l max -x -d 'at most this many jobs (default 50)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch list'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude batch results
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch results'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude batch cancel
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'batch cancel'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude batch help
complete -c bedrock-claude -n "__bedrock_claude_at 'batch help'" -a 'submit status list results cancel' -d 'command'

# bedrock-claude doctor
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -s m -l model -x -a '(__bedrock_claude_words model)' -d 'alias (sonnet, opus-4.6), model ID, inference-profile ID or ARN'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l scope -x -a '(__bedrock_claude_words scope)' -d 'routing: auto (global, else geographic, else in-region), global, geo or region'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l strict -d 'treat warnings as failures'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l probe -d 'make one tiny real request (max_tokens 1) and report its latency and cost'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l format -x -a 'text github' -d 'text, or github for GitHub Actions annotations'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'doctor'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude explain
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -s m -l model -x -a '(__bedrock_claude_words model)' -d 'alias (sonnet, opus-4.6), model ID, inference-profile ID or ARN'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l api -x -a 'invoke converse messages count-tokens control-plane' -d 'the API that failed'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'explain'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'

# bedrock-claude completion
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -s h -l help -d 'show help'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -s V -l version -d 'print the version'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -l region -x -a '(__bedrock_claude_words region)' -d 'AWS region (default: AWS_REGION, config file, AWS profile)'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -l profile -x -d 'AWS profile for credentials and region'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -l endpoint-url -x -d 'send requests to this endpoint instead of AWS'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -l json -d 'machine-readable JSON output'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -l no-color -d 'no colour (also NO_COLOR)'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -s q -l quiet -d 'no diagnostics on stderr'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -l debug -d 'log requests and responses to stderr (secrets redacted)'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -l config -r -F -d 'use this config file instead of .bedrock-claude.json and the user file'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -l max-attempts -x -d 'attempts per AWS call, retries included (default 5; AWS_MAX_ATTEMPTS)'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -l record -x -a '(__fish_complete_directories (commandline -ct))' -d 'save every exchange with Bedrock in <dir> (secrets removed) for --replay'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -l replay -x -a '(__fish_complete_directories (commandline -ct))' -d 'answer from the recordings in <dir>: no network, no credentials'
complete -c bedrock-claude -n "__bedrock_claude_at 'completion'" -a 'bash zsh fish' -d 'shell'

# bedrock-claude help
complete -c bedrock-claude -n "__bedrock_claude_at 'help'" -a 'models invoke converse cost batch doctor explain completion' -d 'command'
