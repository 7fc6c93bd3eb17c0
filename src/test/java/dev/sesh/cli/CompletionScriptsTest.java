package dev.sesh.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checked-in shell completion scripts equal what {@code sesh completion bash|zsh} prints, and
 * bash can source them. Run with {@code -Dsesh.writeDocs=true} to rewrite them after a command changes.
 */
class CompletionScriptsTest {
    static final Path BASH = Path.of("completions", "sesh.bash");
    static final Path ZSH = Path.of("completions", "_sesh");

    static void checkOrWrite(Path file, String generated) throws Exception {
        if (Boolean.getBoolean("sesh.writeDocs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), file + " is missing: run mvn test -Dtest=" + "CompletionScriptsTest,CommandReferenceTest -Dsesh.writeDocs=true");
        assertEquals(generated, Files.readString(file, StandardCharsets.UTF_8),
                file + " is stale: run mvn test -Dtest=CompletionScriptsTest,CommandReferenceTest -Dsesh.writeDocs=true");
    }

    @Test
    void checkedInBashScriptIsTheGeneratedOne() throws Exception {
        checkOrWrite(BASH, CompletionCommand.bash());
    }

    @Test
    void checkedInZshScriptIsTheGeneratedOne() throws Exception {
        checkOrWrite(ZSH, CompletionCommand.zsh());
    }

    @Test
    void lineWrapperKnowsEveryTopLevelOptionThatTakesAValue() {
        java.util.Set<String> withValue = new java.util.TreeSet<>();
        for (picocli.CommandLine.Model.OptionSpec o : new picocli.CommandLine(new SeshCli()).getCommandSpec().options()) {
            if (o.typeInfo().isBoolean()) continue;
            withValue.addAll(List.of(o.names()));
        }
        assertEquals(withValue, new java.util.TreeSet<>(CompletionCommand.TOP_ARG_OPTIONS));
    }

    @Test
    void bashCanSourceTheScriptAndRegistersSesh() throws Exception {
        dev.sesh.testing.Tools.need("bash");
        Process p = new ProcessBuilder("bash", "-c", "source " + BASH + " && complete -p sesh").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("sesh"), out);
    }

    @Test
    void bashCompletesTopLevelCommandsAndSubcommands() throws Exception {
        dev.sesh.testing.Tools.need("bash");
        // compopt complains outside a real completion (stderr, discarded); COMPREPLY is still filled.
        String script = "source " + BASH + "\n"
                + "COMP_WORDS=(sesh at); COMP_CWORD=1; COMP_LINE='sesh at'; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_sesh; echo \"${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(sesh fs p); COMP_CWORD=2; COMP_LINE='sesh fs p'; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_sesh; echo \"${COMPREPLY[*]}\"\n";
        Process p = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        String[] lines = out.strip().split("\n");
        assertEquals("atca", lines[0].strip(), out);
        assertEquals("put", lines[1].strip(), out);
    }
}
