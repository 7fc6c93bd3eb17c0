package dev.sesh.sim.chip;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.ChipCommand;
import dev.sesh.atca.command.GenDig;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.PrivWrite;
import dev.sesh.atca.command.Sign;
import dev.sesh.atca.command.UpdateExtra;
import dev.sesh.atca.command.Write;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Crc16;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.Timing;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 1e5 random and mutated command groups into the model on a virtual clock, half on a factory-new
 * chip, half on a provisioned one. No exception may escape; every answer must be a well-formed
 * group; lock bytes only move from unlocked to locked; a locked config zone changes only where
 * the chip itself writes; the EEPROM survives save/load. Seed: -Dsesh.fuzz.seed (default 0x5E5A).
 */
class ChipFuzzTest {
    static final long SEED = Long.getLong("sesh.fuzz.seed", 0x5E5AL);
    static final int[] LENGTHS = {0, 3, 4, 20, 32, 36, 64, 68, 77, 96, 128};

    @Test
    void hundredThousandRandomAndMutatedPacketsKeepTheModelConsistent() {
        System.out.println("ChipFuzzTest seed " + SEED);
        int half = Integer.getInteger("sesh.fuzz.count", 100_000) / 2;   // scripts/fuzz raises it
        fuzz(ChipMemory.factoryNew(Variant.ATECC508A, SEED), half, SEED);
        fuzz(AwsFlowTest.provisioned(Variant.ATECC608A).mem, half, SEED + 1);
    }

    private void fuzz(ChipMemory mem, int rounds, long seed) {
        Random rnd = new Random(seed);
        VirtualClock clock = new VirtualClock();
        AteccChip chip = new AteccChip(mem, clock, seed);
        List<Bytes> vectors = vectorGroups();
        Bytes lockedConfig = mem.configLocked() ? mem.config() : null;
        boolean dataWasLocked = mem.dataLocked();
        int slotLocked = slotLockedBits(mem);
        java.util.Map<String, Integer> answers = new java.util.TreeMap<>();
        for (int i = 0; i < rounds; i++) {
            String where = "seed " + seed + " round " + i;
            try {
                if (rnd.nextInt(100) < 4) busEvent(chip, clock, rnd);
                else send(chip, clock, packet(rnd, vectors, mem.variant()));
            } catch (RuntimeException e) {
                throw new AssertionError(where + ": " + e, e);
            }
            Bytes out = chip.outputBuffer();
            if (out.length() > 0) {
                ResponsePacket r = assertDoesNotThrow(() -> ResponsePacket.decode(out), where + ": malformed answer " + out);
                answers.merge(r.isStatus() ? String.format("status %02x", r.payload().get(0)) : "data " + r.payload().length(), 1, Integer::sum);
            }
            int lc = mem.config().get(87), lv = mem.config().get(86);
            assertTrue((lc == 0x55 || lc == 0) && (lv == 0x55 || lv == 0), where);
            if (lockedConfig == null && mem.configLocked()) lockedConfig = mem.config();
            if (lockedConfig != null) {
                assertTrue(mem.configLocked(), where + ": config unlocked again");
                assertEquals(unchangeable(lockedConfig), unchangeable(mem.config()), where + ": locked config changed");
            }
            assertTrue(!dataWasLocked || mem.dataLocked(), where + ": data unlocked again");
            dataWasLocked = mem.dataLocked();
            int sl = slotLockedBits(mem);
            assertEquals(0, sl & ~slotLocked, where + ": a slot lock was undone");
            if (mem.configLocked()) slotLocked = sl;
        }
        assertEquals(mem.config(), ChipMemory.load(mem.save()).config());
        System.out.println("seed " + seed + ": " + mem + " answers after each round " + answers);
    }

    /** Config bytes a locked chip never changes: all but counters, LastKeyUse, 84-89. */
    private static Bytes unchangeable(Bytes c) { return c.slice(0, 52).concat(c.slice(90, 128)); }

    private static int slotLockedBits(ChipMemory m) { return m.config().get(88) | m.config().get(89) << 8; }

    private static void busEvent(AteccChip chip, VirtualClock clock, Random rnd) {
        switch (rnd.nextInt(6)) {
            case 0 -> { if (chip.ackAddress(chip.address(), false)) chip.write(new byte[] {1}); }
            case 1 -> { if (chip.ackAddress(chip.address(), false)) chip.write(new byte[] {2}); }
            case 2 -> { if (chip.ackAddress(chip.address(), false)) chip.write(new byte[] {0}); }
            case 3 -> clock.advanceMillis(rnd.nextInt(2000));
            case 4 -> { if (chip.ackAddress(chip.address(), true)) chip.read(1 + rnd.nextInt(70)); }
            default -> { if (chip.ackAddress(chip.address(), false)) chip.write(new byte[] {(byte) (4 + rnd.nextInt(252))}); }
        }
    }

    private static void send(AteccChip chip, VirtualClock clock, byte[] group) {
        if (!chip.ackAddress(chip.address(), false)) {
            chip.sdaLow(100_000);
            clock.advance(Timing.WAKE_HIGH_SELFTEST_US * 1000);
            if (!chip.ackAddress(chip.address(), false)) return;
        }
        byte[] w = new byte[group.length + 1];
        w[0] = 3;
        System.arraycopy(group, 0, w, 1, group.length);
        chip.write(w);
        int op = group.length > 1 ? group[1] & 0xff : 0;
        clock.advance(1000 * Opcode.of(op).map(o -> Timing.maxExecutionUs(o, chip.variant(), chip.memory().chipMode())).orElse(1L));
        if (chip.ackAddress(chip.address(), true)) chip.read(group.length % 2 == 0 ? 4 : 35);
    }

    private static byte[] packet(Random rnd, List<Bytes> vectors, Variant v) {
        int kind = rnd.nextInt(100);
        if (kind < 45) {
            Opcode[] ops = Opcode.values();
            int opcode = rnd.nextInt(10) == 0 ? rnd.nextInt(256) : ops[rnd.nextInt(ops.length)].code();
            int p1 = (rnd.nextBoolean() ? rnd.nextInt(256) : rnd.nextInt(8) * (rnd.nextBoolean() ? 1 : 0x40) | rnd.nextInt(4)) & 0xff;
            int p2 = rnd.nextBoolean() ? rnd.nextInt(65536) : rnd.nextInt(16) << (rnd.nextBoolean() ? 0 : 3);
            byte[] data = new byte[LENGTHS[rnd.nextInt(LENGTHS.length)]];
            rnd.nextBytes(data);
            return new CommandPacket(opcode, p1, p2, Bytes.of(data)).encode().toArray();
        }
        if (kind < 80) {
            byte[] g = vectors.get(rnd.nextInt(vectors.size())).toArray();
            g[rnd.nextInt(g.length)] ^= (byte) (1 << rnd.nextInt(8));
            if (rnd.nextInt(4) != 0 && g.length >= 3) {
                int crc = Crc16.of(g, 0, g.length - 2);
                g[g.length - 2] = (byte) crc;
                g[g.length - 1] = (byte) (crc >> 8);
            }
            return g;
        }
        if (kind < 95) return curated(rnd).toPacket().encode().toArray();
        byte[] raw = new byte[1 + rnd.nextInt(40)];
        rnd.nextBytes(raw);
        return raw;
    }

    /** Well-formed commands that move the chip between states. */
    private static ChipCommand curated(Random rnd) {
        int slot = rnd.nextInt(16);
        Bytes b32 = Bytes.of(new byte[32]);
        return switch (rnd.nextInt(12)) {
            case 0 -> rnd.nextInt(20) == 0 ? Lock.configNoCrc() : Lock.config(rnd.nextInt(65536));
            case 1 -> rnd.nextInt(20) == 0 ? Lock.dataNoCrc() : Lock.slot(slot);
            case 2 -> Write.clear(Address.data(slot, 0, 0), b32);
            case 3 -> Write.clear(Address.configByte(16 + 4 * rnd.nextInt(17)), Bytes.ofInts(rnd.nextInt(256), rnd.nextInt(256), 0, 0));
            case 4 -> PrivWrite.clear(slot, Bytes.ofHex("6ecb9661fb822730c2a325298de3260b8a9a718e14106ca56c49a741da77758a"));
            case 5 -> rnd.nextInt(4) == 0 ? GenKey.create(slot) : GenKey.publicKey(slot);
            case 6 -> Nonce.passThrough(b32);
            case 7 -> Nonce.random(rnd.nextBoolean(), Bytes.of(new byte[20]));
            case 8 -> GenDig.ofSlot(slot);
            case 9 -> Sign.external(slot);
            case 10 -> UpdateExtra.userExtra(rnd.nextInt(256));
            default -> new dev.sesh.atca.command.Counter(rnd.nextInt(2), rnd.nextInt(2));
        };
    }

    private static List<Bytes> vectorGroups() {
        List<Bytes> out = new ArrayList<>();
        collect(Vectors.root(), out);
        return out;
    }

    private static void collect(JsonNode n, List<Bytes> out) {
        if (n.isObject()) n.fields().forEachRemaining(e -> {
            String k = e.getKey();
            if ((k.startsWith("command") || k.endsWith("_command") || k.startsWith("sign_command")) && e.getValue().isTextual())
                out.add(Bytes.ofHex(e.getValue().asText()));
            else collect(e.getValue(), out);
        });
        else if (n.isArray()) n.forEach(x -> collect(x, out));
    }
}
