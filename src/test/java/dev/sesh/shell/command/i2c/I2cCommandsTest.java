package dev.sesh.shell.command.i2c;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;
import dev.sesh.shell.SeshSystemRegistry;
import dev.sesh.shell.Session;
import dev.sesh.testing.ShellHarness;
import dev.sesh.testing.SimI2cBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The i2c commands as a user types them, against the simulated board with a sensor at 0x48. */
class I2cCommandsTest {
    private ShellHarness shell = new ShellHarness();
    private SimI2cBoard sim = shell.sim;
    private Session session = shell.session;
    private SeshSystemRegistry registry = shell.registry;

    private void open(SimI2cBoard board) {
        shell = new ShellHarness(board);
        sim = shell.sim;
        session = shell.session;
        registry = shell.registry;
    }

    @AfterEach void close() { shell.close(); }

    private int type(String line) { return shell.type(line); }

    private String out() { return shell.out(); }

    private String err() { return shell.err(); }

    @Test void scanPrintsTheGridAndNamesKnownParts() {
        assertEquals(0, type("i2c scan"), err());
        List<String> lines = out().lines().toList();
        assertEquals("     0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f", lines.get(0));
        assertEquals("40: -- -- -- -- -- -- -- -- 48 -- -- -- -- -- -- --", lines.get(5));
        assertEquals("50: 50 -- -- -- -- -- -- -- -- -- -- -- -- -- -- --", lines.get(6));
        assertEquals("60: 60 -- -- -- -- -- -- -- -- -- -- -- -- -- -- --", lines.get(7));
        assertEquals("3 devices: 0x48 (register device?), 0x50 (EEPROM?), 0x60 (ATECC508A/608A?)", lines.get(9));
        assertEquals(10, lines.size());
    }

    @Test void scanJsonIsOneValueWithDecimalAddresses() throws Exception {
        assertEquals(0, type("i2c scan --json"), err());
        JsonNode n = new ObjectMapper().readTree(out());
        assertEquals("[72,80,96]", n.path("found").toString());
        assertEquals(0, n.path("bus").asInt());
    }

    @Test void completionOffersTheAddressesOfTheLastScan() {
        CommandLine read = registry.commandLine().getSubcommands().get("i2c").getSubcommands().get("read");
        Iterable<String> candidates = read.getCommandSpec().positionalParameters().get(0).completionCandidates();
        assertEquals(List.of(), list(candidates));
        type("i2c scan");
        assertEquals(List.of("0x48", "0x50", "0x60"), list(candidates));
        assertEquals(List.of(), list(new I2cAddressCandidates(null)), "completion scripts have no session");
    }

    private static List<String> list(Iterable<String> it) {
        List<String> l = new ArrayList<>();
        it.forEach(l::add);
        return l;
    }

    @Test void eepromWriteThenReadBack() {
        assertEquals(0, type("i2c write 0x50 10 de ad be ef"), err());
        assertTrue(err().contains("wrote 5 bytes to 0x50"), err());
        sim.clock.advanceMillis(6);
        assertEquals(0, type("i2c write 80 10"), err());
        assertEquals(0, type("i2c read 0x50 4"), err());
        assertEquals("0000  de ad be ef                                       |....|\n", out());
    }

    @Test void readJsonCarriesTheBytesAsHex() throws Exception {
        assertEquals(0, type("i2c read 0x50 3 --json"), err());
        JsonNode n = new ObjectMapper().readTree(out());
        assertEquals(80, n.path("addr").asInt());
        assertEquals("000102", n.path("data_hex").asText());
    }

    @Test void getAndSetTheSensorRegisters() {
        assertEquals(0, type("i2c get 0x48 0 w"), err());
        assertEquals(0, type("i2c set 0x48 3 0x4b00 w"), err());
        assertEquals(0, type("i2c get 0x48 3 w"), err());
        assertEquals(0, type("i2c set 0x48 1 2"), err());
        assertEquals(0, type("i2c get 0x48 1 b"), err());
        assertEquals(List.of("0x1900 (6400)", "0x4b00 (19200)", "0x02 (2)"), out().lines().toList());
        assertEquals(0x4b00, sim.sensor.register(3));
        assertTrue(err().contains("0x48 register 0x03 <- 0x4b00"), err());
    }

    @Test void eightBitAddressWarnsOnStderrAndUsesTheSevenBitOne() {
        assertEquals(0, type("i2c get 0x90 0 w"), err());
        assertEquals("0x1900 (6400)\n", out());
        assertTrue(err().contains("warning: 0x90 is the 8-bit form"), err());
    }

    @Test void dumpSaysHowItReadsAndPrintsAHexDump() {
        assertEquals(0, type("i2c dump 0x50"), err());
        List<String> lines = out().lines().toList();
        assertEquals(16, lines.size());
        assertEquals("0000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|", lines.get(0));
        assertTrue(lines.get(15).startsWith("00f0  f0 f1"), lines.get(15));
        assertTrue(err().contains("one I2C.ReadRegB each"), err());
    }

    @Test void wakeShowsTheWakeAnswer() {
        assertEquals(0, type("i2c wake"), err());
        assertEquals("0x60 answered 04 11 33 43: awake (the wake answer)\n", out());
    }

    @Test void sleepingChipIsOneLineWithTheWakeHint() {
        assertEquals(1, type("i2c read 0x60 4"));
        List<String> lines = err().lines().toList();
        assertEquals(2, lines.size(), err());
        assertTrue(lines.get(0).startsWith("error: nothing answered at 0x60"), err());
        assertTrue(lines.get(1).startsWith("hint: ") && lines.get(1).contains("i2c wake"), err());
    }

    @Test void disabledBusIsOneLineWithTheConfigHint() {
        session.close();
        open(new SimI2cBoard(false));
        assertEquals(1, type("i2c scan"));
        assertTrue(err().contains("error: I2C is disabled"), err());
        assertTrue(err().contains("hint: config set i2c.enable=true"), err());
        assertEquals("", out());
    }

    @Test void declinedChipLockPacketSendsNothing() {
        sim.gate.approve = false;
        String lock = Bytes.ofInts(0x03).concat(new CommandPacket(Opcode.LOCK, 0x80, 0).encode()).hex();
        assertEquals(3, type("i2c write 0x60 " + lock));
        assertTrue(sim.gate.plans.get(0).isIrreversible());
        assertEquals(List.of(), sim.sentMethods());
    }

    @Test void handWrittenInfoCommandAfterAWakeIsAnsweredThroughRead() {
        String info = Bytes.ofInts(0x03).concat(new CommandPacket(Opcode.INFO, 0x00, 0).encode()).hex();
        assertEquals("030730000000035d", info, "the packet the write command's help shows");
        assertEquals(0, type("i2c write --wake 0x60 " + info), err());
        assertEquals(List.of(), sim.gate.plans, "Info changes nothing");
        sim.clock.advanceMillis(2);
        assertEquals(0, type("i2c read 0x60 7"), err());
        assertTrue(out().startsWith("0000  07 00 00 50 00 "), out());
    }

    @Test void approvedLockPacketWithWakeLocksTheConfigZone() {
        assertTrue(!sim.chip.memory().configLocked());
        String lock = Bytes.ofInts(0x03).concat(new CommandPacket(Opcode.LOCK, 0x80, 0).encode()).hex();
        assertEquals(0, type("i2c write --wake 0x60 " + lock), err());
        assertTrue(sim.gate.plans.get(0).isIrreversible());
        assertTrue(sim.gate.plans.get(0).notes().contains("the wake pulse (an empty write to 0x00) goes first"));
        sim.clock.advanceMillis(40);
        assertEquals(0, type("i2c read 0x60 4"), err());
        assertTrue(out().startsWith("0000  04 00 03 40 "), "status 00 with its CRC: " + out());
        assertTrue(sim.chip.memory().configLocked());
    }

    @ParameterizedTest
    @ValueSource(strings = {"i2c read 0x07 1", "i2c read 0x78 1", "i2c read 0xc1 1", "i2c read 0xf0 1", "i2c read 0x50 0",
            "i2c read 0x50 4097", "i2c read 0x50 ten", "i2c write 0x50 zz", "i2c write 0x50 abc", "i2c write 0x50 de a",
            "i2c write 0x50", "i2c get 0x48 0x100", "i2c get 0x48 1 q", "i2c set 0x48 1 256", "i2c set 0x48 1 0x10000 w",
            "i2c set 0x48 1 -1", "i2c dump 300", "i2c get"})
    void badInputIsOneLineWithAHintExit2AndSendsNothing(String line) {
        assertEquals(2, type(line), err());
        List<String> lines = err().lines().toList();
        assertEquals(2, lines.size(), err());
        assertTrue(lines.get(0).startsWith("error: "), err());
        assertTrue(lines.get(1).startsWith("hint: "), err());
        assertEquals(List.of(), sim.sentMethods());
        assertEquals(List.of(), sim.gate.plans);
        assertEquals("", out());
    }

    @Test void helpFootersFitTheUsageWidthUnwrapped() {
        CommandLine group = registry.commandLine().getSubcommands().get("i2c");
        List<CommandLine> all = new ArrayList<>(group.getSubcommands().values());
        all.add(group);
        for (CommandLine cl : all) {
            List<String> usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF).replace("\r", "").lines().toList();
            for (String line : cl.getCommandSpec().usageMessage().footer()) {
                assertTrue(usage.contains(line), cl.getCommandName() + " footer line re-wrapped: " + line);
            }
        }
    }

    @Test void groupHelpSaysWhatTheRpcCanDo() {
        assertEquals(0, type("i2c"), err());
        assertTrue(out().contains("ends with STOP"), out());
        assertTrue(out().contains("repeated START"), out());
        assertTrue(out().contains("There is no general\ncombined write-then-read transaction."), out());
    }
}
