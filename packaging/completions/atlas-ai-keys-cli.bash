# bash completion for atlas-ai-keys-cli. Installed as
# share/bash-completion/completions/atlas-ai-keys-cli; keep in step with src/cli/commands.cpp.

_atlas_ai_keys_cli()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n = || return
    else
        COMPREPLY=()
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local global="--base-url --output --timeout --verbose --help --version"

    # Values of options that take one.
    case $prev in
        --output)
            mapfile -t COMPREPLY < <(compgen -W "table json csv" -- "$cur")
            return ;;
        --secret-file)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return ;;
        --base-url)
            mapfile -t COMPREPLY < <(compgen -W "https://cloud.mongodb.com http://127.0.0.1:" -- "$cur")
            return ;;
        --timeout|--project|--org|--key|--name|--model-group|--rpm|--tpm)
            return ;;
    esac
    case $cur in
        --output=*)
            mapfile -t COMPREPLY < <(compgen -W "table json csv" -- "${cur#--output=}")
            return ;;
    esac

    # The command words typed so far (skipping options and their values).
    local i w group="" command="" skip=0
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        if ((skip)); then skip=0; continue; fi
        case $w in
            --base-url|--output|--timeout|--project|--org|--key|--name|--secret-file|--model-group|--rpm|--tpm)
                skip=1 ;;
            -*) ;;
            *)
                if [[ -z $group ]]; then group=$w; elif [[ -z $command ]]; then command=$w; fi ;;
        esac
    done

    local opts=""
    case "$group $command" in
        "orgs list") opts="" ;;
        "projects list") opts="--org" ;;
        "keys list"|"limits list") opts="--project --org" ;;
        "keys get") opts="--project --key" ;;
        "keys create") opts="--project --name --secret-file" ;;
        "keys rename") opts="--project --key --name" ;;
        "keys delete") opts="--project --key --yes" ;;
        "limits set") opts="--project --model-group --rpm --tpm" ;;
        "limits reset") opts="--project --model-group --yes" ;;
    esac

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$opts $global" -- "$cur")
        return
    fi
    if [[ -z $group ]]; then
        mapfile -t COMPREPLY < <(compgen -W "orgs projects keys limits" -- "$cur")
    elif [[ -z $command ]]; then
        case $group in
            orgs|projects) mapfile -t COMPREPLY < <(compgen -W "list" -- "$cur") ;;
            keys) mapfile -t COMPREPLY < <(compgen -W "list get create rename delete" -- "$cur") ;;
            limits) mapfile -t COMPREPLY < <(compgen -W "list set reset" -- "$cur") ;;
        esac
    fi
} &&
    complete -F _atlas_ai_keys_cli atlas-ai-keys-cli
