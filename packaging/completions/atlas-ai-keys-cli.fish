# fish completion for atlas-ai-keys-cli; keep in step with the command table in src/cli/commands.cpp
# (and src/cli/auditcommand.cpp, src/cli/exportcommand.cpp).

# The command words typed so far: options and their values skipped, "--" ends the options.
function __atlas_ai_keys_cli_words
    set -l valued --base-url --output --timeout --profile --project --org --key --name --secret-file \
        --model-group --rpm --tpm --stale-days --grace-days --out --auth --id --config
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l skip 0
    set -l dashdash 0
    for t in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        if test $dashdash = 0
            switch $t
                case --
                    set dashdash 1
                    continue
                case '--*=*'
                    continue
                case '-*'
                    contains -- $t $valued; and set skip 1
                    continue
            end
        end
        printf '%s\n' $t
    end
end

# True when the command words typed so far are exactly the arguments.
function __atlas_ai_keys_cli_at
    set -l words (__atlas_ai_keys_cli_words)
    test "$words" = "$argv"
end

# True when the command typed so far accepts the option named by the argument (without dashes).
function __atlas_ai_keys_cli_takes --argument-names option
    set -l words (__atlas_ai_keys_cli_words)
    set -l opts
    switch "$words[1] $words[2]"
        case 'projects list'
            set opts org
        case 'keys list' 'limits list'
            set opts project org
        case 'keys get'
            set opts project key
        case 'keys create'
            set opts project name secret-file force
        case 'keys rename'
            set opts project key name
        case 'keys delete'
            set opts project key yes
        case 'limits set'
            set opts project model-group rpm tpm
        case 'limits reset'
            set opts project model-group yes
        case 'audit *'
            set opts org project stale-days grace-days
        case 'export terraform'
            set opts project org out include-rate-limits
        case 'profiles add'
            set opts auth id org project default
        case 'profiles remove'
            set opts yes force
        case 'profiles import-atlascli'
            set opts config yes
    end
    contains -- $option $opts
end

# The saved profiles' names, from the settings file the CLI shares with the desktop app rather
# than from 'atlas-ai-keys-cli profiles list', which checks every profile's secret in the OS
# keychain (and so may open an unlock prompt) on each Tab. The file holds no secrets. QSettings'
# INI format puts "..." around a value with , ; = or spaces at its ends, writes \" and \\ inside,
# and doubles a leading @.
function __atlas_ai_keys_cli_profiles
    set -l base $HOME/.config
    string match -q -- '/*' "$XDG_CONFIG_HOME"; and set base $XDG_CONFIG_HOME
    set -l conf $base/AtlasAiKeys/atlas-ai-keys.conf
    test -r $conf; or return 0
    set -l section
    while read -l line
        set line (string replace -r '\r$' '' -- $line)
        if string match -qr '^\[.*\]$' -- $line
            set section $line
        else if test "$section" = '[profiles]'; and string match -qr '^[0-9]+\\\\name=' -- $line
            set -l value (string replace -r '^[0-9]+\\\\name=' '' -- $line)
            string match -qr '^".*"$' -- $value; and set value (string sub -s 2 -e -1 -- $value)
            set value (string replace -ra '\\\\(.)' '$1' -- $value)
            set value (string replace -r '^@@' '@' -- $value)
            printf '%s\n' $value
        end
    end <$conf
end

complete -c atlas-ai-keys-cli -f

# Command words.
complete -c atlas-ai-keys-cli -n __atlas_ai_keys_cli_at -a orgs -d Organizations
complete -c atlas-ai-keys-cli -n __atlas_ai_keys_cli_at -a projects -d Projects
complete -c atlas-ai-keys-cli -n __atlas_ai_keys_cli_at -a keys -d 'AI model API keys'
complete -c atlas-ai-keys-cli -n __atlas_ai_keys_cli_at -a limits -d 'AI model rate limits'
complete -c atlas-ai-keys-cli -n __atlas_ai_keys_cli_at -a audit -d 'Audit keys by last use (exit status 3 when any is stale or never used)'
complete -c atlas-ai-keys-cli -n __atlas_ai_keys_cli_at -a export -d 'Exports to other tools'
complete -c atlas-ai-keys-cli -n __atlas_ai_keys_cli_at -a profiles -d 'Saved profiles, shared with the desktop app'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at orgs' -a list -d 'List the organizations'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at projects' -a list -d 'List projects'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at keys' -a list -d 'List keys'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at keys' -a get -d 'Show one key'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at keys' -a create -d 'Create a key'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at keys' -a rename -d 'Rename a key'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at keys' -a delete -d 'Delete a key'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at limits' -a list -d 'List rate limits, with ceilings and headroom'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at limits' -a set -d "Set a model group's limits"
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at limits' -a reset -d 'Reset limits to their defaults'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at export' -a terraform -d 'Write a Terraform configuration that imports the keys'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at profiles' -a list -d 'List the saved profiles'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at profiles' -a add -d 'Save a profile (secret from standard input)'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at profiles' -a remove -d 'Remove a profile and its secret'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at profiles' -a test -d 'Sign in with a profile and list its organizations'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at profiles' -a set-default -d 'Make a profile the default one'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at profiles' -a set-secret -d "Replace a profile's secret (from standard input)"
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at profiles' -a import-atlascli -d "Import the Atlas CLI's profiles"
# The NAME of profiles remove/test/set-default/set-secret.
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_at profiles remove; or __atlas_ai_keys_cli_at profiles test; or __atlas_ai_keys_cli_at profiles set-default; or __atlas_ai_keys_cli_at profiles set-secret' -a '(__atlas_ai_keys_cli_profiles)' -d 'Saved profile'

# Global options.
complete -c atlas-ai-keys-cli -l profile -x -a '(__atlas_ai_keys_cli_profiles)' -d 'Sign in with this saved profile'
complete -c atlas-ai-keys-cli -l base-url -x -a 'https://cloud.mongodb.com https://cloud.mongodbgov.com' -d 'Atlas to talk to'
complete -c atlas-ai-keys-cli -l output -x -a 'table json csv' -d 'Output format'
complete -c atlas-ai-keys-cli -l timeout -x -d 'Seconds to wait for each answer'
complete -c atlas-ai-keys-cli -l verbose -d 'Log requests to standard error'
complete -c atlas-ai-keys-cli -s h -l help -d 'Show help and exit'
complete -c atlas-ai-keys-cli -l version -d 'Show the version and exit'

# Command options.
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes project' -l project -x -d 'Project ID (24 hex digits)'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes org' -l org -x -d 'Organization ID (24 hex digits)'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes key' -l key -x -d 'Key ID'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes name' -l name -x -d 'Key name'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes secret-file' -l secret-file -r -F -d 'Write the secret to this new file'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes force' -l force -d 'With --secret-file, replace an existing file'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes yes' -l yes -d 'Do not ask'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes model-group' -l model-group -x -d 'Model group'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes rpm' -l rpm -x -d 'Requests per minute'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes tpm' -l tpm -x -d 'Tokens per minute'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes stale-days' -l stale-days -x -d 'Stale after S days without use (1-3650)'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes grace-days' -l grace-days -x -d 'Never used counts after G days (0-365)'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes out' -l out -r -F -d 'Write to this file'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes include-rate-limits' -l include-rate-limits -d "Also import the projects' rate limits"
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes auth' -l auth -x -a 'service-account api-key access-token' -d 'How the profile signs in'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes id' -l id -x -d 'Client ID or public key'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes default' -l default -d 'Make it the default profile'
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes config' -l config -r -F -d "The Atlas CLI's config.toml"
complete -c atlas-ai-keys-cli -n '__atlas_ai_keys_cli_takes force' -l force -d 'Remove even if the keychain cannot delete the secret'
