package dev.amldebug.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The completion script for bash and zsh: picocli's (commands, options, files), then a function of ours in front of it
 * that completes the words only the workspace knows through {@code aml-debug completion-words}: run ids, Azure ML job
 * names, a pipeline's step names and computes. zsh runs the same script through its bashcompinit.
 */
final class CompletionScript {
    /** Which positional parameter takes which words, by command path. */
    static final Map<String, CompletionWordsCommand.Kind> POSITIONAL_WORDS = new java.util.TreeMap<>();

    static {
        for (String path : List.of("runs show", "runs logs", "runs cancel", "attach", "deploy score", "deploy restart",
                "deploy down")) {
            POSITIONAL_WORDS.put(path, CompletionWordsCommand.Kind.runs);
        }
        for (String path : List.of("azure jobs show", "azure jobs logs", "azure jobs cancel", "azure jobs download",
                "azure attach", "azure replay")) {
            POSITIONAL_WORDS.put(path, CompletionWordsCommand.Kind.jobs);
        }
    }

    /** Which option's value takes which words, by command path and option name. */
    static final Map<String, CompletionWordsCommand.Kind> OPTION_WORDS = Map.of(
            "run --debug-step", CompletionWordsCommand.Kind.steps,
            "azure submit --debug-step", CompletionWordsCommand.Kind.steps,
            "azure submit --compute", CompletionWordsCommand.Kind.computes);

    private CompletionScript() {
    }

    /** @param root the whole command tree, every subcommand added */
    static String bash(CommandLine root) {
        String name = root.getCommandName();
        return AutoComplete.bash(name, root) + """

                # Words only the workspace knows: run ids, job names, pipeline steps, computes.
                _aml_debug_subcommands() {
                  case "$1" in
                %s  esac
                }

                _aml_debug_argument_options() {
                  case "$1" in
                %s  esac
                }

                _aml_debug_complete() {
                  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
                  # bash splits --option=value at '=': the option is then the word before the '='.
                  if [[ $cur == "=" ]]; then
                    cur=""
                  elif [[ $prev == "=" ]]; then
                    prev=${COMP_WORDS[COMP_CWORD-2]}
                  fi
                  # Not "path": zsh ties that name to PATH.
                  local words_path="" folder="" file="" kind="" i w
                  for ((i = 1; i < COMP_CWORD; i++)); do
                    w=${COMP_WORDS[i]}
                    case "$w" in
                      --folder)
                        folder=${COMP_WORDS[i+1]}
                        [[ $folder == "=" ]] && folder=${COMP_WORDS[i+2]}
                        ;;
                      *.yml|*.yaml) [[ -z $file ]] && file=$w ;;
                    esac
                    if [[ " $(_aml_debug_subcommands "$words_path") " == *" $w "* ]]; then
                      words_path="${words_path:+$words_path }$w"
                    fi
                  done
                  case "$words_path $prev" in
                %s  esac
                  if [[ -z $kind && $cur != -* && " $(_aml_debug_argument_options "$words_path") " != *" $prev "* ]]; then
                    case "$words_path" in
                %s    esac
                  fi
                  if [[ -n $kind ]]; then
                    local words
                    if [[ -n $file ]]; then
                      set -- --file "$file"
                    else
                      set --
                    fi
                    words=$(AML_DEBUG_WORKSPACE="${folder:-${AML_DEBUG_WORKSPACE:-.}}" \\
                      "${COMP_WORDS[0]}" completion-words "$kind" "$@" 2>/dev/null)
                    local IFS=$'\\n'
                    COMPREPLY=( $(compgen -W "$words" -- "$cur") )
                    return 0
                  fi
                  _complete_%s "$@"
                }

                complete -F _aml_debug_complete -o default %s
                """.formatted(subcommandCases(root), argumentOptionCases(root), cases(OPTION_WORDS, "    "),
                cases(POSITIONAL_WORDS, "      "), name, name);
    }

    private static String subcommandCases(CommandLine root) {
        return commands(root).stream().filter(command -> !command.getSubcommands().isEmpty())
                .map(command -> "    \"" + path(command) + "\") echo \"" + command.getSubcommands().entrySet().stream()
                        .filter(sub -> !sub.getValue().getCommandSpec().usageMessage().hidden())
                        .map(Map.Entry::getKey).collect(Collectors.joining(" ")) + "\" ;;\n")
                .collect(Collectors.joining());
    }

    private static String argumentOptionCases(CommandLine root) {
        return commands(root).stream().filter(command -> POSITIONAL_WORDS.containsKey(path(command)))
                .map(command -> "    \"" + path(command) + "\") echo \"" + command.getCommandSpec().options().stream()
                        .filter(option -> option.arity().max() > 0)
                        .flatMap(option -> List.of(option.names()).stream()).collect(Collectors.joining(" ")) + "\" ;;\n")
                .collect(Collectors.joining());
    }

    private static String cases(Map<String, CompletionWordsCommand.Kind> words, String indent) {
        return words.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> indent + "\"" + entry.getKey() + "\") kind=" + entry.getValue() + " ;;\n")
                .collect(Collectors.joining());
    }

    /** "azure jobs show" for that command: its path without the root's name. */
    static String path(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? "" : qualified.substring(space + 1);
    }

    static List<CommandLine> commands(CommandLine command) {
        List<CommandLine> all = new java.util.ArrayList<>(List.of(command));
        command.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
        return all;
    }
}
