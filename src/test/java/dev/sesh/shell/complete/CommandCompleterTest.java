package dev.sesh.shell.complete;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandCompleterTest {
    @Command(name = "root", subcommands = {Call.class, Rpc.class, Conf.class, Load.class})
    static final class Root { }

    @Command(name = "call", description = "Call an RPC method")
    static final class Call implements Runnable {
        @Parameters(index = "0", completionCandidates = Methods.class, description = "method name") String method;
        @Option(names = "--json", description = "print JSON") boolean json;
        @Override public void run() { }
    }

    @Command(name = "rpc", description = "RPC methods", subcommands = {Describe.class})
    static final class Rpc implements Runnable { @Override public void run() { } }

    @Command(name = "describe", description = "Describe one")
    static final class Describe implements Runnable {
        @Parameters(index = "0", completionCandidates = Methods.class) String method;
        @Override public void run() { }
    }

    @Command(name = "load", description = "Load a config file")
    static final class Load implements Runnable {
        @Parameters(index = "0", completionCandidates = LocalFiles.ConfigFiles.class) String file;
        @Override public void run() { }
    }

    public static final class Methods implements Iterable<String>, CommandCompleter.Described {
        @Override public Iterator<String> iterator() { return List.of("Sys.GetInfo", "RPC.List").iterator(); }
        @Override public String describe(String value) { return value.startsWith("Sys") ? "system" : ""; }
    }

    @Command(name = "conf", description = "Config")
    static final class Conf implements Runnable {
        @Parameters(index = "0", completionCandidates = Levels.class) String key;
        @Override public void run() { }
    }

    /** Offers the word's next level: a group with its dot, or a key. */
    public static final class Levels implements Iterable<String>, CommandCompleter.ForWord {
        @Override public Iterator<String> iterator() { return List.of("wifi.", "wifi.ap.enable").iterator(); }
        @Override public List<String> candidates(String word) { return word.startsWith("wifi.") ? List.of("wifi.ap.enable") : List.of("wifi."); }
    }

    private final CommandCompleter completer = new CommandCompleter(new CommandLine(new Root()));
    private final DefaultParser parser = new DefaultParser();
    private final LineReader reader = LineReaderBuilder.builder().parser(parser).build();

    private List<Candidate> complete(String line) {
        List<Candidate> out = new ArrayList<>();
        completer.complete(reader, parser.parse(line, line.length(), Parser.ParseContext.COMPLETE), out);
        return out;
    }

    private static List<String> values(List<Candidate> c) { return c.stream().map(Candidate::value).sorted().toList(); }

    @Test
    void firstWordOffersCommandsWithTheirDescriptions() {
        List<Candidate> c = complete("ca");
        assertEquals(List.of("call", "conf", "load", "rpc"), values(c));
        assertTrue(c.stream().anyMatch(x -> x.value().equals("call") && "Call an RPC method".equals(x.descr())));
    }

    @Test
    void positionalOffersLiveCandidatesWithDescriptions() {
        List<Candidate> c = complete("call Sys.");
        assertEquals(List.of("RPC.List", "Sys.GetInfo"), values(c));
        assertTrue(c.stream().anyMatch(x -> x.value().equals("Sys.GetInfo") && "system".equals(x.descr())));
        assertTrue(c.stream().anyMatch(x -> x.value().equals("RPC.List") && "method name".equals(x.descr())));
    }

    @Test
    void wordDependentCandidatesSeeTheWordAndPartialOnesTakeNoSpace() {
        List<Candidate> group = complete("conf wi");
        assertEquals(List.of("wifi."), values(group));
        assertTrue(!group.get(0).complete(), "a group is partial: no space after it");
        List<Candidate> key = complete("conf wifi.a");
        assertEquals(List.of("wifi.ap.enable"), values(key));
        assertTrue(key.get(0).complete());
    }

    @Test
    void dashOffersOptions() {
        assertEquals(List.of("--json"), values(complete("call -")));
    }

    @Test
    void subcommandsThenTheirPositionals() {
        assertEquals(List.of("describe"), values(complete("rpc ")));
        assertEquals(List.of("RPC.List", "Sys.GetInfo"), values(complete("rpc describe ")));
    }

    @Test
    void localFileArgumentsOfferFoldersAndOnlyTheirKinds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("aws.yaml"), "x");
        Files.writeString(dir.resolve("notes.md"), "x");
        Files.createDirectory(dir.resolve("keys"));
        List<String> got = values(complete("load " + dir + "/")).stream().map(v -> v.substring(v.lastIndexOf('/', v.length() - 2) + 1)).toList();
        assertEquals(List.of("aws.yaml", "keys/"), got);
    }

    @Test
    void nothingAfterTheLastPositional() {
        assertEquals(List.of(), values(complete("call Sys.GetInfo ")));
    }
}
