package dev.sesh.script;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroovyFacadeTest {
    /** A stand-in for a device object: public, with a property, methods and a failing call. */
    public record Probe(String name) {
        public int twice(int x) { return 2 * x; }

        public Probe self() { return this; }

        public void refuse() { throw SeshException.declined("change declined", "answer y to apply it"); }
    }

    final StringWriter printed = new StringWriter();
    final VirtualClock clock = new VirtualClock();
    final AtomicReference<Object> probe = new AtomicReference<>(new Probe("first"));
    final Bindings bindings = Bindings.builder(new PrintWriter(printed, true), clock).bind("probe", probe::get).build();
    final GroovyFacade groovy = GroovyFacade.startNow(bindings);

    @Test
    void variablesPersistAcrossEntries() {
        assertEquals(2, groovy.eval("x = 2"));
        assertEquals(6, groovy.eval("x * 3"));
        assertEquals(List.of("x"), List.copyOf(groovy.variables().keySet()));
    }

    @Test
    void defAndTypedDeclarationsPersistLikeAssignments() {
        groovy.eval("def y = 5");
        groovy.eval("int n = 3.9");
        assertEquals(6, groovy.eval("y + 1"));
        assertEquals(3, groovy.eval("n"));
    }

    @Test
    void functionsDefinedInAnEntryAreCallableInLaterOnes() {
        groovy.eval("def f(n) { n * 2 }");
        assertEquals(42, groovy.eval("f(21)"));
        groovy.eval("int twice(int a,\n        int b) {\n    a + b + f(b)\n}");
        assertEquals(7, groovy.eval("twice(1, 2)"));
        groovy.eval("def f(n) { n * 3 }");              // a new definition replaces the old one
        assertEquals(63, groovy.eval("f(21)"));
        assertEquals(13, groovy.eval("twice(1, 3)"));    // 1 + 3 + f(3) with the new f
        groovy.eval("def f(a, b) { a - b }");           // another arity is another function
        assertEquals(6, groovy.eval("f(2) + f(5, 5)"));
        assertThrows(ScriptError.class, () -> groovy.eval("def g( {"));
        assertEquals(42, groovy.eval("f(14)"), "a failed entry forgets nothing");
        groovy.reset();
        assertThrows(ScriptError.class, () -> groovy.eval("f(1)"));
    }

    @Test
    void importsPersistUntilReset() {
        groovy.eval("import java.util.zip.CRC32");
        assertEquals("CRC32", groovy.eval("new CRC32().class.simpleName"));
        groovy.eval("z = 1");
        groovy.reset();
        assertTrue(groovy.variables().isEmpty());
        ScriptError e = assertThrows(ScriptError.class, () -> groovy.eval("new CRC32()"));
        assertTrue(e.getMessage().contains("CRC32"), e.getMessage());
    }

    @Test
    void boundObjectIsLookedUpLiveAndCannotBeAssigned() {
        assertEquals("first", groovy.eval("probe.name"));
        probe.set(new Probe("second"));
        assertEquals("second", groovy.eval("probe.name"));
        ScriptError e = assertThrows(ScriptError.class, () -> groovy.eval("probe = 1"));
        assertTrue(e.getMessage().contains("probe is a bound object"), e.getMessage());
        assertEquals(List.of(), List.copyOf(groovy.variables().keySet()));
    }

    @Test
    void helpersConvertBytesAndHex() {
        assertEquals("0aff", groovy.eval("hex(bytes('0a ff'))"));
        assertEquals("0x60", groovy.eval("hex(96)"));
        assertEquals(Bytes.ofInts(1, 2, 255), groovy.eval("bytes(1, 2, 255)"));
        assertEquals("0102", groovy.eval("hex([1, 2])"));
        assertEquals(Bytes.ofInts(0x9b, 1), groovy.eval("bytes([(byte) -101, (byte) 1] as byte[])"));
        assertEquals("9b01", groovy.eval("hex([(byte) -101, (byte) 1] as byte[])"));
        ScriptError e = assertThrows(ScriptError.class, () -> groovy.eval("bytes(256)"));
        assertEquals(SeshException.USAGE, e.exitCode());
    }

    @Test
    void printlnWritesToTheSessionNotTheJvm() {
        groovy.eval("println 'hello'; [1, 2].each { println it }");
        assertEquals("hello\n1\n2\n", printed.toString().replace("\r", ""));
    }

    @Test
    void sleepWaitsOnTheInjectedClock() {
        long before = clock.nanos();
        groovy.eval("sleep(1500)");
        assertEquals(1_500_000_000L, clock.nanos() - before);
    }

    @Test
    void seshExceptionInAScriptNamesFileAndLineAndKeepsHintAndCode() {
        ScriptError e = assertThrows(ScriptError.class, () -> groovy.run(
                "a = 1\nb = 2\nthrow SeshException.badArg('slot 16 does not exist', 'slots are 0-15')\n", "provision.groovy", List.of()));
        assertEquals("provision.groovy:3: slot 16 does not exist", e.getMessage());
        assertEquals("slots are 0-15", e.hint());
        assertEquals(SeshException.USAGE, e.exitCode());
    }

    @Test
    void declinedChangeInsideABoundObjectStopsTheScriptWithExit3() {
        ScriptError e = assertThrows(ScriptError.class, () -> groovy.run(
                "println 'before'\nprobe.refuse()\nprintln 'after'\n", "change.groovy", List.of()));
        assertEquals("change.groovy:2: change declined", e.getMessage());
        assertEquals(SeshException.DECLINED, e.exitCode());
        assertEquals("before\n", printed.toString().replace("\r", ""));
    }

    @Test
    void unknownVariableIsOneLineWithTheBoundNames() {
        ScriptError e = assertThrows(ScriptError.class, () -> groovy.eval("nope + 1"));
        assertEquals("no variable 'nope'", e.getMessage());
        assertTrue(e.hint().contains("probe"), e.hint());
        assertEquals(SeshException.FAILED, e.exitCode());
    }

    @Test
    void unknownMethodNamesTheType() {
        ScriptError e = assertThrows(ScriptError.class, () -> groovy.eval("probe.launch(1)"));
        assertEquals("no method launch(Integer) on Probe", e.getMessage());
    }

    @Test
    void syntaxErrorNamesItsLineAndExits2() {
        ScriptError e = assertThrows(ScriptError.class, () -> groovy.run("def x = 1\nx = = 2\nprintln x\n", "bad.groovy", List.of()));
        assertTrue(e.getMessage().startsWith("bad.groovy:2: syntax: "), e.getMessage());
        assertEquals(SeshException.USAGE, e.exitCode());
    }

    @Test
    void multiLineConsoleEntryErrorsNameTheLine() {
        ScriptError e = assertThrows(ScriptError.class, () -> groovy.eval("a = 1\nb = a.nothing()\n"));
        assertEquals("line 2: no method nothing() on Integer", e.getMessage());
    }

    @Test
    void runBindsArgsInFreshVariablesAndExitSetsTheCode() {
        groovy.eval("x = 1");
        assertEquals(0, groovy.run("println args.join(',')", "a.groovy", List.of("one", "two")));
        assertEquals("one,two\n", printed.toString().replace("\r", ""));
        assertEquals(7, groovy.run("exit 7\nprintln 'never'", "b.groovy", List.of()));
        assertThrows(ScriptError.class, () -> groovy.run("x", "c.groovy", List.of()));
        assertFalse(groovy.variables().containsKey("args"));
    }

    @Test
    void fileScriptsKeepGroovysLocalDef() {
        assertEquals(0, groovy.run("def local = 1\nprintln local", "d.groovy", List.of()));
        assertNull(groovy.variables().get("local"));
    }

    @Test
    void backgroundStartAnswersTheFirstEvalWhenReady() {
        GroovyFacade bg = GroovyFacade.startInBackground(bindings);
        assertEquals(2, bg.eval("1 + 1"));
        assertTrue(bg.isReady());
    }

    @Test
    void definesKnowsVariablesBoundNamesAndHelpersOnly() {
        groovy.eval("mine = 1");
        assertTrue(groovy.defines("mine"));
        assertTrue(groovy.defines("probe"));
        assertTrue(groovy.defines("hex"));
        assertFalse(groovy.defines("inof"));
    }

    @Test
    void completesBoundNamesMembersAndChainsWithSignatures() {
        groovy.eval("probes = [probe]");
        assertEquals(List.of("probe", "probes"), groovy.complete("pro").stream().map(Completion::value).toList());
        Completion twice = groovy.complete("x = probe.tw").get(0);
        assertEquals(new Completion("twice(", "twice(int) -> int", false), twice);
        assertEquals(List.of("name", "name()"), groovy.complete("probe.self().na").stream().map(Completion::value).toList());
        assertTrue(groovy.complete("println(probe.").stream().anyMatch(c -> c.value().equals("refuse()")));
        assertTrue(groovy.complete("probe.xyz").isEmpty());
    }
}
