# fish completion for atlas-ai-keys-cli; keep in step with src/cli/commands.cpp.
set -l groups orgs projects keys limits
complete -c atlas-ai-keys-cli -f

# Command words.
complete -c atlas-ai-keys-cli -n "not __fish_seen_subcommand_from $groups" -a orgs -d Organizations
complete -c atlas-ai-keys-cli -n "not __fish_seen_subcommand_from $groups" -a projects -d Projects
complete -c atlas-ai-keys-cli -n "not __fish_seen_subcommand_from $groups" -a keys -d 'AI model API keys'
complete -c atlas-ai-keys-cli -n "not __fish_seen_subcommand_from $groups" -a limits -d 'AI model rate limits'
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from orgs projects; and not __fish_seen_subcommand_from list" -a list -d List
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from keys; and not __fish_seen_subcommand_from list get create rename delete" -a 'list get create rename delete'
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from limits; and not __fish_seen_subcommand_from list set reset" -a 'list set reset'

# Global options.
complete -c atlas-ai-keys-cli -l base-url -r -d 'Atlas to talk to'
complete -c atlas-ai-keys-cli -l output -x -a 'table json csv' -d 'Output format'
complete -c atlas-ai-keys-cli -l timeout -x -d 'Seconds to wait for each answer'
complete -c atlas-ai-keys-cli -l verbose -d 'Log requests to standard error'
complete -c atlas-ai-keys-cli -s h -l help -d 'Show help and exit'
complete -c atlas-ai-keys-cli -l version -d 'Show the version and exit'

# Command options.
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from keys limits" -l project -x -d 'Project ID'
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from projects keys limits" -l org -x -d 'Organization ID'
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from get rename delete" -l key -x -d 'Key ID'
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from create rename" -l name -x -d 'Key name'
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from create" -l secret-file -r -F -d 'Write the secret to this file'
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from delete reset" -l yes -d 'Do not ask'
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from set reset" -l model-group -x -d 'Model group'
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from set" -l rpm -x -d 'Requests per minute'
complete -c atlas-ai-keys-cli -n "__fish_seen_subcommand_from set" -l tpm -x -d 'Tokens per minute'
