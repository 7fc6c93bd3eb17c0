package dev.sesh.sim.chip;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.ChipCommand;
import dev.sesh.atca.command.GenDig;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.Write;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import java.util.Optional;

/** Chips at the stages of the AWS flow (reference/atecc.md 10), configured with atca-aws-test. */
final class AwsStages {
    static final Bytes WRITE_KEY = Vectors.hex("gendig", 0, "key_value");

    private AwsStages() {}

    static ChipHarness configured(Variant v) {
        ChipHarness h = new ChipHarness(v);
        for (JsonNode c : Vectors.at("setconfig_sequence_aws_test", "commands"))
            h.ok(ChipCommand.parse(CommandPacket.decode(Bytes.ofHex(c.get("command_packet").asText())), v));
        return h;
    }

    static ChipHarness configLocked(Variant v) {
        ChipHarness h = configured(v);
        h.ok(Lock.configNoCrc());
        return h;
    }

    /** Both zones locked, slot 4 holds the write key. */
    static ChipHarness locked(Variant v) {
        ChipHarness h = configLocked(v);
        h.ok(Lock.dataNoCrc());
        h.ok(Write.clear(Address.data(4, 0, 0), WRITE_KEY));
        return h;
    }

    /** Random Nonce then GenDig of {@code slot} holding {@code key}; returns the TempKey the host expects. */
    static Bytes genDig(ChipHarness h, int slot, Bytes key) {
        Bytes numIn = Bytes.of(new byte[20]);
        Bytes randOut = h.data(Nonce.random(true, numIn));
        Bytes tk1 = TempKeyMath.nonce(randOut, numIn, 0, 0);
        h.ok(GenDig.ofSlot(slot));
        return TempKeyMath.genDig(key, 2, slot, Optional.empty(), h.mem.serial(), tk1);
    }
}
