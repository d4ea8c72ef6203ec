# bash completion for atlas-ai-keys-cli. Installed as
# share/bash-completion/completions/atlas-ai-keys-cli; keep in step with the command table in
# src/cli/commands.cpp (and src/cli/auditcommand.cpp, src/cli/exportcommand.cpp).

# The saved profiles' names, one a line. Read from the settings file the CLI shares with the
# desktop app rather than from 'atlas-ai-keys-cli profiles list': that command checks every
# profile's secret in the OS keychain, which can open an unlock prompt (or wait for one) on each
# Tab. The file holds no secrets. Values are written by QSettings' INI format: "..." around a
# value with , ; = or spaces at its ends, \" and \\ inside, and a leading @ doubled.
_atlas_ai_keys_cli_profile_names()
{
    local base=$HOME/.config
    [[ $XDG_CONFIG_HOME == /* ]] && base=$XDG_CONFIG_HOME
    local conf=$base/AtlasAiKeys/atlas-ai-keys.conf
    [[ -r $conf ]] || return 0
    local line section="" value out c
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%$'\r'}
        case $line in
            \[*\])
                section=$line ;;
            [0-9]*\\name=*)
                [[ $section == "[profiles]" ]] || continue
                value=${line#*\\name=}
                if [[ ${#value} -ge 2 && $value == \"*\" ]]; then
                    value=${value:1:${#value}-2}
                fi
                out=""
                while [[ -n $value ]]; do
                    c=${value:0:1}
                    value=${value:1}
                    if [[ $c == \\ && -n $value ]]; then
                        c=${value:0:1}
                        value=${value:1}
                    fi
                    out+=$c
                done
                [[ $out == @@* ]] && out=${out:1}
                printf '%s\n' "$out" ;;
        esac
    done <"$conf"
}

# Profile names starting with the word being completed; readline quotes them (-o filenames), so
# names with spaces or quotes come out as one word.
_atlas_ai_keys_cli_complete_profiles()
{
    # The word as typed, without its quoting.
    local typed=$1 want="" c
    case $typed in
        \'*) typed=${typed#\'}; want=$typed; typed="" ;;
        \"*) typed=${typed#\"} ;;
    esac
    while [[ -n $typed ]]; do
        c=${typed:0:1}
        typed=${typed:1}
        if [[ $c == \\ && -n $typed ]]; then
            c=${typed:0:1}
            typed=${typed:1}
        fi
        want+=$c
    done
    local name
    COMPREPLY=()
    while IFS= read -r name; do
        [[ -n $name && $name == "$want"* ]] && COMPREPLY+=("$name")
    done < <(_atlas_ai_keys_cli_profile_names)
    _atlas_ai_keys_cli_ltrim_colon "$want"
    compopt -o filenames 2>/dev/null
    return 0
}

# Readline replaces only what follows the last ':' of the word (':' is in COMP_WORDBREAKS): the
# candidates lose what comes before it.
_atlas_ai_keys_cli_ltrim_colon()
{
    [[ $1 == *:* && $COMP_WORDBREAKS == *:* ]] || return 0
    local before=${1%"${1##*:}"} i
    for i in "${!COMPREPLY[@]}"; do
        COMPREPLY[i]=${COMPREPLY[i]#"$before"}
    done
}

_atlas_ai_keys_cli_complete_files()
{
    if declare -F _filedir >/dev/null 2>&1; then
        _filedir
    else
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$1")
    fi
}

_atlas_ai_keys_cli()
{
    local cur prev words cword split=false
    if declare -F _init_completion >/dev/null 2>&1; then
        # -s: --name=value is split into prev (--name) and cur (value); -n :, URLs stay one word.
        _init_completion -s -n : || return
    else
        # Without bash-completion, COMP_WORDS is also split at '=' and ':' (COMP_WORDBREAKS): glue
        # the pieces that touch in the command line back together.
        local i tok pos=0 glued
        words=()
        cword=0
        for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
            tok=${COMP_WORDS[i]}
            glued=1
            while [[ ${COMP_LINE:pos:1} == [[:space:]] ]]; do
                pos=$((pos + 1))
                glued=0
            done
            if ((i > 0 && glued)); then
                words[${#words[@]} - 1]+=$tok
            else
                words+=("$tok")
            fi
            pos=$((pos + ${#tok}))
            ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
        done
        cur=${words[cword]}
        prev=${words[cword - 1]}
        if [[ $cur == --*=* ]]; then
            prev=${cur%%=*}
            cur=${cur#*=}
            split=true
        fi
    fi
    COMPREPLY=()

    # Options that take a value (global ones first).
    local valued="--base-url --output --timeout --profile --project --org --key --name --secret-file
        --model-group --rpm --tpm --stale-days --grace-days --out --auth --id --config"
    local global="--profile --base-url --output --timeout --verbose --help --version"

    # Values of options that take one.
    case $prev in
        --output)
            mapfile -t COMPREPLY < <(compgen -W "table json csv" -- "$cur")
            return ;;
        --auth)
            mapfile -t COMPREPLY < <(compgen -W "service-account api-key access-token" -- "$cur")
            return ;;
        --profile)
            _atlas_ai_keys_cli_complete_profiles "$cur"
            return ;;
        --secret-file|--out|--config)
            _atlas_ai_keys_cli_complete_files "$cur"
            return ;;
        --base-url)
            mapfile -t COMPREPLY < <(compgen -W "https://cloud.mongodb.com https://cloud.mongodbgov.com
                http://127.0.0.1:" -- "$cur")
            _atlas_ai_keys_cli_ltrim_colon "$cur"
            compopt -o nospace 2>/dev/null
            return ;;
        --timeout|--project|--org|--key|--name|--model-group|--rpm|--tpm|--stale-days|--grace-days|--id)
            return ;;
    esac
    # An option that takes no value was given one (--yes=...): nothing to offer.
    [[ $split == true ]] && return

    # The command words typed so far, skipping options and their values; "--" ends the options.
    local i w group="" command="" argument="" skip=0 dashdash=0 given=" "
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        if ((skip)); then
            skip=0
            continue
        fi
        if ((!dashdash)); then
            case $w in
                --)
                    dashdash=1
                    continue ;;
                --*=*)
                    given+="${w%%=*} "
                    continue ;;
                -*)
                    given+="$w "
                    [[ " ${valued//$'\n'/ } " == *" $w "* ]] && skip=1
                    continue ;;
            esac
        fi
        if [[ -z $group ]]; then
            group=$w
        elif [[ -z $command && $group != audit ]]; then
            command=$w
        elif [[ -z $argument ]]; then
            argument=$w
        fi
    done

    local opts="" takesName=0
    case "$group $command" in
        "orgs list"|"profiles list") ;;
        "projects list") opts="--org" ;;
        "keys list"|"limits list") opts="--project --org" ;;
        "keys get") opts="--project --key" ;;
        "keys create") opts="--project --name --secret-file --force" ;;
        "keys rename") opts="--project --key --name" ;;
        "keys delete") opts="--project --key --yes" ;;
        "limits set") opts="--project --model-group --rpm --tpm" ;;
        "limits reset") opts="--project --model-group --yes" ;;
        "audit ") opts="--org --project --stale-days --grace-days" ;;
        "export terraform") opts="--project --org --out --include-rate-limits" ;;
        "profiles add") opts="--auth --id --org --project --default" ;;
        "profiles remove") opts="--yes --force"; takesName=1 ;;
        "profiles test"|"profiles set-default"|"profiles set-secret") takesName=1 ;;
        "profiles import-atlascli") opts="--config --yes" ;;
    esac

    if [[ $cur == -* && $dashdash -eq 0 ]]; then
        # Each option once: the CLI refuses one given twice.
        local o offer=()
        for o in $opts $global; do
            [[ $given == *" $o "* ]] || offer+=("$o")
        done
        mapfile -t COMPREPLY < <(compgen -W "${offer[*]}" -- "$cur")
        return
    fi
    if [[ -z $group ]]; then
        mapfile -t COMPREPLY < <(compgen -W "orgs projects keys limits audit export profiles" -- "$cur")
    elif [[ -z $command && $group != audit ]]; then
        case $group in
            orgs|projects) mapfile -t COMPREPLY < <(compgen -W "list" -- "$cur") ;;
            keys) mapfile -t COMPREPLY < <(compgen -W "list get create rename delete" -- "$cur") ;;
            limits) mapfile -t COMPREPLY < <(compgen -W "list set reset" -- "$cur") ;;
            export) mapfile -t COMPREPLY < <(compgen -W "terraform" -- "$cur") ;;
            profiles)
                mapfile -t COMPREPLY < <(compgen -W "list add remove test set-default set-secret
                    import-atlascli" -- "$cur") ;;
        esac
    elif ((takesName)) && [[ -z $argument ]]; then
        _atlas_ai_keys_cli_complete_profiles "$cur"
    fi
} &&
    complete -F _atlas_ai_keys_cli atlas-ai-keys-cli
