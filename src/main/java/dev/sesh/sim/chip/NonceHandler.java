package dev.sesh.sim.chip;

import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.util.Optional;

/** Nonce (reference/atecc.md 3.3 Nonce). Random modes draw RandOut from the RNG (fixed before config lock). */
final class NonceHandler {
    private NonceHandler() {}

    static ResponsePacket run(Nonce n, ChipContext c) {
        if (n.isRandom()) {
            Bytes randOut = c.random32();
            Bytes tk = TempKeyMath.nonce(randOut, n.numIn(), n.mode(), n.param2());
            c.vol.tempKey = TempKey.fromRandomNonce(tk);
            return ResponsePacket.data((n.param2() & 0x8000) != 0 ? tk : randOut);
        }
        switch (n.target()) {
            case Nonce.TARGET_MSG_DIGEST -> c.vol.messageDigest = Optional.of(n.numIn());
            case Nonce.TARGET_ALT_KEY -> c.vol.altKey = Optional.of(n.numIn());
            default -> c.vol.tempKey = TempKey.fromPassThrough(n.numIn());
        }
        return ResponsePacket.status(StatusCode.SUCCESS);
    }
}
