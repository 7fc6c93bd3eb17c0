package dev.sesh.sim.chip;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.Timing;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Replays the firmware's I2C transactions (vectors {@code firmware_i2c_trace}) against the model
 * holding the same config image, and compares every byte the chip sends. Answers that are random
 * on a real chip (Random, Nonce RandOut, GenKey create, Sign) are checked for shape instead, and a
 * Sign answer must verify with the slot's public key. Entries whose later packets depend on the
 * trace's canned RandOut (the encrypted SetKeys) cannot run on a chip with a real RNG and are
 * covered by AwsFlowTest instead.
 */
class FirmwareTraceReplayTest {
    static final Set<String> NEEDS_CANNED_RANDOUT = Set.of(
            "ATCA.SetKey {ecc:true,slot:0,key:<32>,wkey:<32>,wkslot:4}",
            "ATCA.SetKey {slot:8,key:<32>,wkey:<32>,wkslot:4} (encrypted Write)");

    @Test
    void atecc508aTraceAnswersByteForByte() throws Exception {
        ChipHarness h = new ChipHarness(ChipMemory.withConfig(Variant.ATECC508A, Vectors.hex("config_zone", "chip_image_after_setconfig")));
        int replayed = 0;
        for (JsonNode rpc : Vectors.at("firmware_i2c_trace", "atecc508a")) {
            String name = rpc.get("rpc").asText();
            if (NEEDS_CANNED_RANDOUT.contains(name)) {
                if (name.contains("slot:0")) h.mem.writeSlot(0, 0, Bytes.of(new byte[4]).concat(Vectors.hex("ecc", "private_key")));
                continue;
            }
            replay(h, rpc);
            replayed++;
        }
        assertEquals(9, replayed);
        assertTrue(h.mem.configLocked() && h.mem.dataLocked());
        assertEquals(AwsStages.WRITE_KEY, h.mem.slot(4).slice(0, 32));
    }

    @Test
    void atecc608aTraceAnswersByteForByte() throws Exception {
        ChipHarness h = new ChipHarness(ChipMemory.withConfig(Variant.ATECC608A, Vectors.hex("config_zone", "chip_image_after_setconfig")));
        JsonNode entries = Vectors.at("firmware_i2c_trace", "atecc608a_sign_and_pubkey");
        replay(h, entries.get(0));
        h.ok(Lock.configNoCrc());
        h.ok(Lock.dataNoCrc());
        h.mem.writeSlot(0, 0, Bytes.of(new byte[4]).concat(Vectors.hex("ecc", "private_key")));
        for (int i = 1; i < entries.size(); i++) replay(h, entries.get(i));
    }

    private static void replay(ChipHarness h, JsonNode rpc) throws Exception {
        String name = rpc.get("rpc").asText();
        Bytes lastCommand = Bytes.EMPTY;
        Bytes lastNonceDigest = Bytes.EMPTY;
        for (JsonNode line : rpc.get("i2c")) {
            String l = line.asText();
            String where = name + ": " + l;
            if (l.startsWith("I2C write 0x00")) {
                h.bus.write(0, new byte[] {0});
                h.clock.advance(Timing.WAKE_HIGH_US * 1000);
            } else if (l.startsWith("I2C write 0x60:")) {
                Bytes w = Bytes.ofHex(l.substring(l.indexOf(':') + 1));
                assertTrue(h.bus.write(0x60, w.toArray()), where);
                if (w.get(0) == 3) {
                    lastCommand = w.slice(1, w.length());
                    if (lastCommand.get(1) == 0x16 && (lastCommand.get(2) & 3) == 3) lastNonceDigest = lastCommand.slice(5, 37);
                    int op = lastCommand.get(1);
                    h.clock.advance(1000 * Opcode.of(op).map(o -> Timing.maxExecutionUs(o, h.mem.variant(), h.mem.chipMode())).orElse(0L));
                }
            } else if (l.startsWith("I2C read  0x60:")) {
                Bytes expected = Bytes.ofHex(l.substring(l.indexOf(':') + 1));
                Bytes got = Bytes.of(h.bus.read(0x60, expected.length()).orElseThrow(() -> new AssertionError(where + ": NACK")));
                if (randomAnswer(lastCommand)) {
                    ResponsePacket r = ResponsePacket.decode(got);
                    assertEquals(expected.length(), got.length(), where);
                    if (lastCommand.get(1) == 0x41)
                        assertTrue(AwsFlowTest.verifies(Vectors.hex("ecc", "public_key_xy"), lastNonceDigest, r.payload()), where + ": signature");
                } else {
                    assertEquals(expected, got, where + " (" + h.chip.lastRefusal() + ")");
                }
            } else {
                fail("unknown trace line " + l);
            }
        }
    }

    private static boolean randomAnswer(Bytes cmd) {
        if (cmd.length() < 3) return false;
        int op = cmd.get(1), mode = cmd.get(2);
        return op == 0x1B || op == 0x41 || (op == 0x16 && (mode & 3) != 3) || (op == 0x40 && (mode & 4) != 0);
    }
}
