package dev.sesh.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which class-data archive {@code scripts/sesh} starts a run with (issue 21, D-start-2): the whole
 * one when the run may run Groovy, the smaller commands' one for a run of one console command. The
 * launcher's own {@code groovy_run} function, cut out of the script and run by bash.
 */
class LauncherArchiveChoiceTest {
    private static final Path LAUNCHER = Path.of("scripts/sesh");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "                                         | groovy",     // the console
            "--port sim:                              | groovy",
            "--port sim: --yes                        | groovy",
            "--port sim: run provision-aws.groovy a b | groovy",
            "--port sim:lab/b1 rehearse x.groovy      | groovy",
            "-c x = board.info()                      | groovy",
            "-c i2c.scan()                            | groovy",
            "-c 1+1                                   | groovy",
            "-c groovy 'println 1'                    | groovy",
            "--port sim: -c info                      | commands",
            "--port sim: info                         | commands",
            "-p sim: --via rpc atca slots             | commands",
            "--baud 9600 --port /dev/ttyUSB0 i2c scan | commands",
            "-c config set http.listen_addr=:443      | commands",
            "x509 keygen lab/ecc.key.pem              | commands",
            "--port sim: --yes-irreversible atca lock config | commands",
            "sim serve --path lab/board1              | commands",
    })
    void theArchiveFollowsWhatTheRunDoes(String args, String expected) throws Exception {
        List<String> argv = split(args == null ? "" : args);
        StringBuilder call = new StringBuilder("groovy_run");
        for (String a : argv) call.append(" '").append(a.replace("'", "'\\''")).append('\'');
        String script = groovyRunFunction() + "\n" + call + " && echo groovy || echo commands\n";
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals(expected, out, "scripts/sesh " + args);
    }

    private static String groovyRunFunction() throws Exception {
        Matcher m = Pattern.compile("(?ms)^groovy_run\\(\\) \\{.*?^}$").matcher(Files.readString(LAUNCHER));
        if (!m.find()) throw new AssertionError("scripts/sesh has no groovy_run function");
        return m.group();
    }

    /** Splits on spaces, keeping a '-quoted part whole ("-c" and its line are given as two words). */
    private static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        String t = s.strip();
        if (t.startsWith("-c ")) {
            words.add("-c");
            words.add(t.substring(3).strip());
            return words;
        }
        for (String w : t.split(" +")) if (!w.isEmpty()) words.add(w);
        return words;
    }
}
