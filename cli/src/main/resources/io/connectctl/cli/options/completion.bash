
# --- connectctl: names completed from the config file and from the last listings ---
# Context names (for --context and 'contexts use') are read from the contexts file when TAB is
# pressed; connector names come from the names the last 'get connectors' listed in that context,
# kept in ${XDG_CACHE_HOME:-~/.cache}/connectctl/names/ for a few minutes (names only, never a
# config value). Everything else is completed by picocli's functions above.
_connectctl_arg_opts=" @ARG_OPTIONS@ "
_connectctl_name_commands="@NAME_COMMANDS@"
_connectctl_commands="@COMMANDS@"
_connectctl_cache_minutes=@CACHE_MINUTES@

# The value of option $1 on the line (--opt VALUE or --opt=VALUE), empty if absent.
_connectctl_option_value() {
  local i word
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word="${COMP_WORDS[i]}"
    if [[ "$word" == "$1" ]]; then
      if [[ "${COMP_WORDS[i+1]}" == "=" ]]; then
        printf '%s' "${COMP_WORDS[i+2]}"
      else
        printf '%s' "${COMP_WORDS[i+1]}"
      fi
      return
    elif [[ "$word" == "$1="* ]]; then
      printf '%s' "${word#*=}"
      return
    fi
  done
}

# The contexts file: --config, else $CONNECTCTL_CONFIG, else the XDG location.
_connectctl_config_file() {
  local file
  file="$(_connectctl_option_value --config)"
  if [[ -z "$file" ]]; then
    if [[ -n "${CONNECTCTL_CONFIG:-}" ]]; then
      file="$CONNECTCTL_CONFIG"
    elif [[ -n "${XDG_CONFIG_HOME:-}" ]]; then
      file="$XDG_CONFIG_HOME/connectctl/config.yaml"
    else
      file="$HOME/.config/connectctl/config.yaml"
    fi
  fi
  printf '%s' "${file/#\~/$HOME}"
}

# The context names: the keys one level under 'contexts:'.
_connectctl_contexts() {
  local file
  file="$(_connectctl_config_file)"
  [[ -r "$file" ]] || return 0
  awk '
    /^contexts:[[:space:]]*(#.*)?$/ { inside = 1; indent = 0; next }
    inside && /^[^[:space:]#]/ { inside = 0 }
    inside && /^[[:space:]]+[^[:space:]#-][^:]*:/ {
      match($0, /^[[:space:]]+/)
      if (indent == 0) indent = RLENGTH
      if (RLENGTH == indent) {
        key = $0
        sub(/^[[:space:]]+/, "", key)
        sub(/[[:space:]]*:.*$/, "", key)
        gsub(/^["\047]|["\047]$/, "", key)
        print key
      }
    }' "$file" 2>/dev/null
}

# The context a command would use: --context, else current-context of the contexts file.
_connectctl_context() {
  local context file
  context="$(_connectctl_option_value --context)"
  if [[ -z "$context" ]]; then
    file="$(_connectctl_config_file)"
    [[ -r "$file" ]] && context="$(awk '
      /^current-context:/ {
        value = $0
        sub(/^current-context:[[:space:]]*/, "", value)
        sub(/[[:space:]]+#.*$/, "", value)
        gsub(/^["\047]|["\047][[:space:]]*$/, "", value)
        print value
        exit
      }' "$file" 2>/dev/null)"
  fi
  printf '%s' "$context"
}

# The connector names last listed in the context, if that listing is recent.
_connectctl_connectors() {
  local context cache
  context="$(_connectctl_context)"
  [[ -n "$context" ]] || return 0
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/connectctl/names/${context//[^A-Za-z0-9._-]/_}"
  [[ -r "$cache" ]] || return 0
  [[ -n "$(find "$cache" -mmin -"$_connectctl_cache_minutes" 2>/dev/null)" ]] || return 0
  cat "$cache"
}

# The command named on the line so far ('pause', 'contexts use'), skipping options and their values.
_connectctl_command() {
  local i word path=""
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word="${COMP_WORDS[i]}"
    if [[ "$word" == -* ]]; then
      if [[ "$word" != *=* && "$_connectctl_arg_opts" == *" $word "* ]]; then
        (( i++ ))
        [[ "${COMP_WORDS[i]}" == "=" ]] && (( i++ ))
      fi
    elif [[ "$word" == "=" ]]; then
      (( i++ ))
    elif [[ "|$_connectctl_commands|" == *"|${path:+$path }$word|"* ]]; then
      path="${path:+$path }$word"
    else
      break
    fi
  done
  printf '%s' "$path"
}

_connectctl() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local prev="${COMP_WORDS[COMP_CWORD-1]}"
  [[ "$prev" == "=" && COMP_CWORD -gt 1 ]] && prev="${COMP_WORDS[COMP_CWORD-2]}"
  [[ "$cur" == "=" ]] && cur=""
  local IFS=$'\n'
  if [[ "$prev" == "--context" ]]; then
    COMPREPLY=( $(compgen -W "$(_connectctl_contexts)" -- "$cur") )
    return 0
  fi
  if [[ "$cur" != -* && "$_connectctl_arg_opts" != *" $prev "* ]]; then
    local command
    command="$(_connectctl_command)"
    if [[ "$command" == "contexts use" ]]; then
      COMPREPLY=( $(compgen -W "$(_connectctl_contexts)" -- "$cur") )
      return 0
    fi
    if [[ -n "$command" && "|$_connectctl_name_commands|" == *"|$command|"* ]]; then
      COMPREPLY=( $(compgen -W "$(_connectctl_connectors)" -- "$cur") )
      return 0
    fi
  fi
  unset IFS
  _complete_connectctl "$@"
}

# 'connectctl' on the PATH, './connectctl' in a checkout, and this script's own path; for another
# path to the script: complete -F _connectctl -o default PATH
complete -F _connectctl -o default connectctl ./connectctl @SCRIPT_PATHS@
