package dev.sesh.sim.chip;

import dev.sesh.atca.command.Sha;
import dev.sesh.atca.host.Digests;
import dev.sesh.atca.host.MacMath;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/** SHA (reference/atecc.md 3.3): start/update/end and HMAC; the context is volatile. */
final class ShaHandler {
    private ShaHandler() {}

    static ResponsePacket run(Sha s, ChipContext c) {
        VolatileState v = c.vol;
        switch (s.mode()) {
            case Sha.START -> { v.sha = Optional.of(new ByteArrayOutputStream()); v.shaHmacSlot = -1; }
            case Sha.HMAC_START -> {
                SlotPolicy p = c.policy(s.param2());
                ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "HMAC keys are usable only after both zones are locked");
                ChipError.check(!p.isPrivate(), "slot " + p.slot() + " holds a private key");
                v.sha = Optional.of(new ByteArrayOutputStream());
                v.shaHmacSlot = s.param2();
            }
            case Sha.UPDATE -> running(v).writeBytes(s.message().toArray());
            default -> {
                ByteArrayOutputStream acc = running(v);
                boolean hmac = v.shaHmacSlot >= 0;
                ChipError.check(s.mode() == Sha.END ? (!hmac || c.variant().is608()) : hmac, "SHA end mode does not match the running context");
                acc.writeBytes(s.message().toArray());
                Bytes all = Bytes.of(acc.toByteArray());
                Bytes out = hmac ? MacMath.hmacSha256(c.mem.readSlot(v.shaHmacSlot, 0, 32), all) : Digests.sha256(all);
                v.sha = Optional.empty();
                v.shaHmacSlot = -1;
                return ResponsePacket.data(out);
            }
        }
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    private static ByteArrayOutputStream running(VolatileState v) {
        return v.sha.orElseThrow(() -> ChipError.execution("no SHA computation was started"));
    }
}
