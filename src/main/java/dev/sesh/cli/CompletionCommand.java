package dev.sesh.cli;

import dev.sesh.SeshException;
import dev.sesh.shell.ErrorReporter;
import dev.sesh.shell.SeshFactory;
import dev.sesh.shell.Session;
import dev.sesh.shell.command.ConsoleCommands;
import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sesh completion bash|zsh}: shell completion scripts from the picocli model of the whole
 * command line (top-level options, every console command, {@code sim serve}, {@code completion}).
 * bash comes from picocli's generator; zsh is a thin script that loads the same function through
 * bashcompinit. The checked-in copies in completions/ are compared with these by a test.
 */
@CommandLine.Command(name = "completion", description = "Print a shell completion script")
final class CompletionCommand implements Callable<Integer>, UsageErrors {
    @CommandLine.Parameters(arity = "1", paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash or zsh")
    String shell;

    private final PrintStream out;

    /** {@code outOrNull}: where the script goes; null in the model completion and docs are made from. */
    CompletionCommand(PrintStream outOrNull) { this.out = outOrNull; }

    @Override public Integer call() {
        if (!(shell.equals("bash") || shell.equals("zsh"))) throw usageError("");
        out.print(shell.equals("bash") ? bash() : zsh());
        out.flush();
        return 0;
    }

    @Override public SeshException usageError(String picocliMessage) {
        return SeshException.badArg("completion needs one shell: bash or zsh",
                "sesh completion bash > ~/.local/share/bash-completion/completions/sesh");
    }

    /** The model completion is generated from. */
    static CommandLine model() {
        // A session with no board: live candidate sources (methods, files, keys) answer nothing, so the
        // script holds only what is fixed (commands, options, slot numbers).
        java.io.PrintWriter nowhere = new java.io.PrintWriter(java.io.Writer.nullWriter());
        Session detached = new Session(null, nowhere, nowhere, new ErrorReporter(false), false);
        CommandLine console = new CommandLine(new ConsoleCommands(), new SeshFactory(detached));
        List<CommandLine> commands = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : console.getSubcommands().entrySet()) {
            if (e.getValue().getCommandSpec().name().equals(e.getKey())) commands.add(e.getValue());
        }
        return SeshCli.commandLine(new SeshCli(), commands, null, null);
    }

    /**
     * picocli's script with one change: bash runs {@link #LINE_WRAPPER} first, which re-splits the
     * line at blanks only and drops the top-level options. picocli's matcher looks for command names
     * anywhere in COMP_WORDS, and bash splits {@code --port sim:} at the colon into "sim" ":", so the
     * line looked like {@code sesh sim ...} and {@code i2c s<Tab>} offered "serve".
     */
    static String bash() {
        String picocli = AutoComplete.bash("sesh", model());
        String registration = "complete -F _complete_sesh -o default sesh sesh.sh sesh.bash";
        if (!picocli.contains(registration)) throw new IllegalStateException("picocli's completion script changed: no '" + registration + "'");
        return picocli.replace(registration, LINE_WRAPPER + registration.replace("_complete_sesh ", "_complete_sesh_line "));
    }

    /** Option names of the top level that take a value (kept in step with {@link SeshCli} by CompletionScriptsTest). */
    static final List<String> TOP_ARG_OPTIONS = List.of("-p", "--port", "--ca", "--baud", "--via", "--timeout", "-c");

    private static final String LINE_WRAPPER = String.join("\n",
            "# sesh: the line as the user typed it, split at blanks only (not at the colon of --port sim:),",
            "# with the top-level options and their values taken out before picocli's matcher sees it.",
            "function _complete_sesh_line() {",
            "  local line=\"${COMP_LINE:0:$COMP_POINT}\"",
            "  local -a typed",
            "  if [[ -n \"$ZSH_VERSION\" ]]; then typed=( ${=line} ); else read -r -a typed <<< \"$line\"; fi",
            "  [[ \"$line\" =~ [[:space:]]$ ]] && typed+=(\"\")",
            "  local i=1",
            "  while (( i < ${#typed[@]} - 1 )) && [[ \"${typed[i]}\" == -* ]]; do",
            "    case \"${typed[i]}\" in",
            "      " + String.join("|", TOP_ARG_OPTIONS) + ") (( i += 2 )) ;;",
            "      *) (( i += 1 )) ;;",
            "    esac",
            "  done",
            "  if (( i >= ${#typed[@]} )); then _complete_sesh; return $?; fi   # completing an option's value",
            "  local -a COMP_WORDS=(\"${typed[0]}\" \"${typed[@]:$i}\")",
            "  local COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))",
            "  local COMP_LINE=\"${COMP_WORDS[*]}\"",
            "  local COMP_POINT=${#COMP_LINE}",
            "  _complete_sesh",
            "  local rc=$? cur=\"${COMP_WORDS[COMP_CWORD]}\"",
            "  # bash replaces only the part after the last colon of the word: trim that much from each reply.",
            "  if [[ -n \"$BASH_VERSION\" && \"$cur\" == *:* && \"$COMP_WORDBREAKS\" == *:* ]]; then",
            "    local prefix=\"${cur%\"${cur##*:}\"}\" k",
            "    for k in \"${!COMPREPLY[@]}\"; do COMPREPLY[k]=\"${COMPREPLY[k]#\"$prefix\"}\"; done",
            "  fi",
            "  return $rc",
            "}",
            "");

    static String zsh() {
        return "#compdef sesh\n"
                + "# zsh completion for sesh: loads the bash completion function through bashcompinit.\n"
                + "# Generated by `sesh completion zsh`; install as _sesh in a folder on $fpath.\n"
                + "autoload -U +X compinit && compinit\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash();
    }

    static final class Shells implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return List.of("bash", "zsh").iterator(); }
    }
}
