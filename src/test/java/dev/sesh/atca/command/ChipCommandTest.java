package dev.sesh.atca.command;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChipCommandTest {
    /** Every command group the vectors hold for a variant parses and rebuilds to the same bytes. */
    @Test
    void everyVectorCommandParsesAndRebuildsByteForByte() {
        List<String> groups = new ArrayList<>();
        collect(Vectors.root(), groups);
        assertTrue(groups.size() >= 30);
        for (String hex : groups) {
            Bytes g = Bytes.ofHex(hex);
            Variant v = hex.startsWith("274643") || hex.startsWith("0741a0") || hex.startsWith("874522") || hex.startsWith("271643") ? Variant.ATECC608A : Variant.ATECC508A;
            ChipCommand c = ChipCommand.parse(CommandPacket.decode(g), v);
            assertEquals(g, c.toPacket().encode(), c.toString());
        }
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isObject()) n.fields().forEachRemaining(e -> {
            String k = e.getKey();
            if ((k.startsWith("command") || k.endsWith("_command") || k.startsWith("sign_command")) && e.getValue().isTextual()) out.add(e.getValue().asText());
            else collect(e.getValue(), out);
        });
        else if (n.isArray()) n.forEach(x -> collect(x, out));
    }

    @Test
    void setConfigSequenceParsesToConfigWritesAndUpdateExtras() {
        int writes = 0, extras = 0;
        for (JsonNode c : Vectors.at("setconfig_sequence_aws_test", "commands")) {
            ChipCommand cmd = ChipCommand.parse(CommandPacket.decode(Bytes.ofHex(c.get("command_packet").asText())), Variant.ATECC508A);
            if (cmd instanceof Write w) { assertEquals(Zone.CONFIG, w.address().zone()); writes++; }
            if (cmd instanceof UpdateExtra) extras++;
        }
        assertEquals(13, writes);
        assertEquals(2, extras);
    }

    @Test
    void addressEncodingFollowsReferenceTable() {
        assertEquals(0x0015, Address.configByte(84).encode());
        assertEquals(0x0016, Address.configByte(88).encode());
        assertEquals(0x0020, Address.data(4, 0, 0).encode());
        assertEquals(0x0C40, Address.data(8, 12, 0).encode());
        assertEquals(0x0278, Address.data(15, 2, 0).encode());
        assertEquals(Address.data(15, 2, 0), Address.decode(Zone.DATA, 0x0278, 32));
    }

    @Test
    void addressBeyondSlotIsParseError() {
        assertThrows(CommandParseException.class, () -> Address.decode(Zone.DATA, Address.data(0, 2, 0).encode(), 32));
        assertThrows(CommandParseException.class, () -> Address.decode(Zone.DATA, Address.data(0, 1, 1).encode(), 4));
        assertThrows(CommandParseException.class, () -> Address.decode(Zone.DATA, Address.data(9, 3, 0).encode(), 32));
        assertThrows(CommandParseException.class, () -> Address.decode(Zone.OTP, 0x10, 4));
        assertThrows(CommandParseException.class, () -> Address.decode(Zone.CONFIG, 0x01, 32));
    }

    @Test
    void opcodeMissingOnVariantIsParseError() {
        CommandPacket aes = Aes.encrypt(5, 0, Bytes.of(new byte[16])).toPacket();
        assertThrows(CommandParseException.class, () -> ChipCommand.parse(aes, Variant.ATECC508A));
        assertInstanceOf(Aes.class, ChipCommand.parse(aes, Variant.ATECC608A));
        assertThrows(CommandParseException.class, () -> ChipCommand.parse(new Pause(0).toPacket(), Variant.ATECC608A));
        assertThrows(CommandParseException.class, () -> ChipCommand.parse(new CommandPacket(0x99, 0, 0, Bytes.EMPTY), Variant.ATECC508A));
    }

    @Test
    void malformedModesAreParseErrors() {
        assertThrows(CommandParseException.class, () -> ChipCommand.parse(new CommandPacket(Opcode.NONCE, 2, 0, Bytes.of(new byte[20])), Variant.ATECC508A));
        assertThrows(CommandParseException.class, () -> ChipCommand.parse(new CommandPacket(Opcode.NONCE, 0, 0, Bytes.of(new byte[32])), Variant.ATECC508A));
        assertThrows(CommandParseException.class, () -> ChipCommand.parse(new CommandPacket(Opcode.LOCK, 0x43, 0), Variant.ATECC508A));
        assertThrows(CommandParseException.class, () -> ChipCommand.parse(new CommandPacket(Opcode.READ, 0x03, 0), Variant.ATECC508A));
        assertThrows(CommandParseException.class, () -> ChipCommand.parse(new CommandPacket(Opcode.GENKEY, 0x04, 16), Variant.ATECC508A));
        assertThrows(CommandParseException.class, () -> ChipCommand.parse(new CommandPacket(Opcode.WRITE, 0x02, 0x20, Bytes.of(new byte[32])), Variant.ATECC508A));
        assertThrows(CommandParseException.class, () -> ChipCommand.parse(new CommandPacket(Opcode.COUNTER, 0, 2), Variant.ATECC508A));
    }

    @Test
    void commandToStringHidesKeyBytes() {
        Bytes key = Vectors.hex("plain_write", 0, "data");
        assertFalse(Write.clear(Address.data(4, 0, 0), key).toString().contains("89623974"));
        assertFalse(PrivWrite.clear(0, key).toString().contains("89623974"));
    }
}
