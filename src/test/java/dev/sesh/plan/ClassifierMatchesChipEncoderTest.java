package dev.sesh.plan;

import dev.sesh.atca.command.ChipCommand;
import dev.sesh.atca.command.Counter;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.PrivWrite;
import dev.sesh.atca.command.UpdateExtra;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * plan decodes chip packets on its own (it may not import atca.*); this test feeds it the packets
 * the real encoder in atca.command builds, so the two views of the chip cannot drift apart.
 */
class ClassifierMatchesChipEncoderTest {
    private static Effect classify(ChipCommand command) {
        Bytes wire = Bytes.ofInts(0x03).concat(command.toPacket().encode());
        return ChangeClassifier.i2cWrite(0x60, wire, 0x60).effect();
    }

    @Test
    void knowsEveryOpcodeByItsDataSheetName() {
        for (Opcode op : Opcode.values()) {
            String ours = ChangeClassifier.opcodeName(op.code()).toUpperCase(Locale.ROOT);
            assertEquals(op.name().replace("_", ""), ours, "opcode 0x" + Integer.toHexString(op.code()));
        }
    }

    @Test
    void encodedIrreversibleCommandsAreIrreversible() {
        Bytes scalar = Bytes.of(new byte[32]);
        assertEquals(Effect.IRREVERSIBLE, classify(Lock.config(0x80F1)));
        assertEquals(Effect.IRREVERSIBLE, classify(Lock.dataNoCrc()));
        assertEquals(Effect.IRREVERSIBLE, classify(Lock.slot(7)));
        assertEquals(Effect.IRREVERSIBLE, classify(GenKey.create(0)));
        assertEquals(Effect.IRREVERSIBLE, classify(PrivWrite.clear(0, scalar)));
        assertEquals(Effect.IRREVERSIBLE, classify(UpdateExtra.selector(0x10)));
        assertEquals(Effect.REVERSIBLE, classify(UpdateExtra.selector(0)), "0x00 over 0x00 leaves the byte settable");
        assertEquals(Effect.IRREVERSIBLE, classify(UpdateExtra.userExtra(0x5a)));
        assertEquals(Effect.IRREVERSIBLE, classify(new Counter(1, 0)));
    }

    @Test
    void encodedReadsAndVolatileCommandsAreNotChanges() {
        assertEquals(Effect.READ_ONLY, classify(GenKey.publicKey(0)));
        assertEquals(Effect.READ_ONLY, classify(Nonce.passThrough(Bytes.of(new byte[32]))));
        assertEquals(Effect.READ_ONLY, classify(new Counter(0, 1)));
    }
}
