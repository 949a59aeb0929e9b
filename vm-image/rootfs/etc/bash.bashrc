# Interactive bash (login or not, e.g. the shell that `unshare` starts): the prompt and its
# OSC 133 shell-integration marks, which the lab reads to know when a command finished and how.
#   A = prompt start, B = command input start, C = command output start, D;N = command ended with status N
[ -z "$PS1" ] && return
__cl_ran=
__cl_prompt() {
  local status=$?
  # Only after a command really ran (PS0 set __cl_ran); an empty Enter reports nothing.
  if [ -n "$__cl_ran" ]; then printf '\033]133;D;%s\007' "$status"; __cl_ran=; fi
}
PROMPT_COMMAND=__cl_prompt
# PS0 is expanded in this shell after a command line is read: the array subscript sets the flag silently.
__cl_set=()
PS0='\033]133;C\007${__cl_set[__cl_ran=1]}'
if [ "$(id -u)" = 0 ]; then __cl_color=31; else __cl_color=32; fi
PS1='\[\033]133;A\007\]\[\033[1;${__cl_color}m\]\u@\h\[\033[0m\]:\[\033[1;34m\]\w\[\033[0m\]\$ \[\033]133;B\007\]'
alias ls='ls --color=auto'
alias ll='ls -l'
