package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.PacketFormatException;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.Hex;
import dev.sesh.testing.Fuzz;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Seeded fuzz of the chip packet layer the simulator parses with: {@link CommandPacket#decode},
 * {@link ChipCommand#parse} and {@link ResponsePacket#decode}. A parsed command rebuilds to a packet
 * that parses to the same command, and its toString shows none of its data bytes. (The chip model's
 * own 1e5-group fuzz, ChipFuzzTest, covers execution; this covers the parsers alone.)
 */
class PacketFuzzTest {
    /** Commands whose data may be a key or key material (challenges, public keys and signatures are not). */
    static final java.util.Set<Opcode> SECRET_DATA = java.util.EnumSet.of(Opcode.WRITE, Opcode.PRIV_WRITE, Opcode.NONCE,
            Opcode.SHA, Opcode.AES, Opcode.KDF, Opcode.DERIVE_KEY, Opcode.CHECK_MAC);
    static final int[] LENGTHS = {0, 1, 4, 20, 32, 36, 64, 68, 77, 96, 128, 155};

    static byte[] group(SplittableRandom r) {
        Opcode[] ops = Opcode.values();
        int opcode = r.nextInt(8) == 0 ? r.nextInt(256) : ops[r.nextInt(ops.length)].code();
        int p1 = r.nextBoolean() ? r.nextInt(256) : r.nextInt(8);
        int p2 = r.nextBoolean() ? r.nextInt(65536) : r.nextInt(16) << (r.nextBoolean() ? 0 : 3);
        byte[] data = new byte[LENGTHS[r.nextInt(LENGTHS.length)]];
        for (int i = 0; i < data.length; i++) data[i] = (byte) r.nextInt(256);
        byte[] g = new CommandPacket(opcode, p1, p2, Bytes.of(data)).encode().toArray();
        if (r.nextInt(4) == 0) {                                   // damage: a byte, the count, or the length
            switch (r.nextInt(3)) {
                case 0 -> g[r.nextInt(g.length)] ^= (byte) (1 << r.nextInt(8));
                case 1 -> g[0] = (byte) r.nextInt(256);
                default -> g = java.util.Arrays.copyOf(g, r.nextInt(g.length + 4));
            }
        }
        return g;
    }

    @Test void commandParsersRejectOnlyWithTheirDocumentedExceptions() {
        Fuzz.run("atca CommandPacket.decode + ChipCommand.parse", r -> {
            byte[] g = group(r);
            CommandPacket p = CommandPacket.decode(g, g.length);
            Variant v = r.nextBoolean() ? Variant.ATECC508A : Variant.ATECC608A;
            ChipCommand c = ChipCommand.parse(p, v);
            assertEquals(c, ChipCommand.parse(c.toPacket(), v), "round trip of " + p);
            if (p.data().length() >= 8 && SECRET_DATA.contains(c.opcode())) {
                String hex = Hex.of(p.data().toArray());
                String shown = c.toString().toLowerCase();
                for (int i = 0; i + 16 <= hex.length(); i += 2) assertFalse(shown.contains(hex.substring(i, i + 16)), "data bytes in " + c);
            }
        }, List.of(PacketFormatException.class, CommandParseException.class));
    }

    @Test void responseParserRejectsOnlyWithPacketFormatException() {
        Fuzz.run("atca ResponsePacket.decode", r -> {
            byte[] data = new byte[r.nextInt(4) == 0 ? 1 : Math.max(1, LENGTHS[r.nextInt(LENGTHS.length)])];
            for (int i = 0; i < data.length; i++) data[i] = (byte) r.nextInt(256);
            byte[] g = ResponsePacket.data(Bytes.of(data)).encode().toArray();
            if (r.nextBoolean()) g[r.nextInt(g.length)] ^= (byte) (1 << r.nextInt(8));
            if (r.nextInt(4) == 0) g = java.util.Arrays.copyOf(g, r.nextInt(g.length + 3));
            ResponsePacket p = ResponsePacket.decode(Bytes.of(g));
            assertEquals(p, ResponsePacket.decode(p.encode()));
        }, List.of(PacketFormatException.class));
    }
}
