package dev.sesh.sim.chip;

import dev.sesh.atca.command.Sha;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import java.util.Optional;

/**
 * SHA (reference/atecc.md 3.3): start/update/end, public-key hashing, HMAC with a slot key or (608)
 * the key in TempKey, the 608 output targets and context read/write. The context is volatile.
 */
final class ShaHandler {
    private ShaHandler() {}

    static ResponsePacket run(Sha s, ChipContext c) {
        VolatileState v = c.vol;
        switch (s.command()) {
            case Sha.START -> start(v, Optional.empty());
            case Sha.HMAC_START -> start(v, Optional.of(hmacKey(s, c)));
            case Sha.UPDATE -> running(v).update(s.message());
            case Sha.PUBLIC -> {
                SlotPolicy p = c.policy(s.param2());
                ChipError.check(!p.isPrivate() && p.isP256(), "slot " + p.slot() + " does not hold a P-256 public key");
                running(v).update(EccKeys.storedPublicKey(c, s.param2()));
            }
            case Sha.READ_CONTEXT -> {
                ChipError.check(v.hmacKey.isEmpty(), "an HMAC context cannot be read out");
                return ResponsePacket.data(running(v).context());
            }
            case Sha.WRITE_CONTEXT -> {
                v.sha = Optional.of(Sha256Engine.fromContext(s.message()).orElseThrow(() -> ChipError.execution("not a SHA context")));
                v.hmacKey = Optional.empty();
            }
            default -> { return end(s, c); }
        }
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    private static ResponsePacket end(Sha s, ChipContext c) {
        VolatileState v = c.vol;
        Sha256Engine engine = running(v);
        boolean hmac = v.hmacKey.isPresent();
        ChipError.check(s.command() == Sha.END ? (!hmac || c.variant().is608()) : hmac, "SHA end mode does not match the running context");
        engine.update(s.message());
        Bytes out = engine.digest();
        if (hmac) {
            Sha256Engine outer = new Sha256Engine();
            outer.update(pad(v.hmacKey.get(), 0x5c));
            outer.update(out);
            out = outer.digest();
        }
        v.sha = Optional.empty();
        v.hmacKey = Optional.empty();
        if (c.variant().is608()) {
            switch (s.target()) {
                case Sha.TARGET_TEMPKEY -> c.vol.tempKey = TempKey.fromPassThrough(out);
                case Sha.TARGET_MSGDIGBUF -> c.vol.messageDigest = Optional.of(out);
                default -> { }
            }
        }
        return ResponsePacket.data(out);
    }

    private static Bytes hmacKey(Sha s, ChipContext c) {
        if (s.param2() == Sha.TEMPKEY_KEY) {
            ChipError.check(c.vol.tempKey.valid(), "HMAC with the key in TempKey needs a valid TempKey");
            return c.vol.tempKey.first32();
        }
        SlotPolicy p = c.policy(s.param2());
        ChipError.check(c.mem.configLocked() && c.mem.dataLocked(), "HMAC keys are usable only after both zones are locked");
        ChipError.check(!p.isPrivate(), "slot " + p.slot() + " holds a private key");
        c.useKey(p);
        return c.mem.readSlot(s.param2(), 0, 32);
    }

    private static void start(VolatileState v, Optional<Bytes> key) {
        Sha256Engine e = new Sha256Engine();
        key.ifPresent(k -> e.update(pad(k, 0x36)));
        v.sha = Optional.of(e);
        v.hmacKey = key;
    }

    // The 32-byte key padded to the 64-byte block and XORed with the HMAC pad byte.
    private static Bytes pad(Bytes key, int with) {
        byte[] b = new byte[64];
        for (int i = 0; i < 64; i++) b[i] = (byte) ((i < key.length() ? key.get(i) : 0) ^ with);
        return Bytes.of(b);
    }

    private static Sha256Engine running(VolatileState v) {
        return v.sha.orElseThrow(() -> ChipError.execution("no SHA computation was started"));
    }
}
