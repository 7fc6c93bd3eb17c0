package dev.sesh.sim.chip;

import dev.sesh.atca.command.Read;
import dev.sesh.atca.host.EncryptedWrites;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;

/** Read (reference/atecc.md 3.3 Read, 11 rule 8). */
final class ReadHandler {
    private ReadHandler() {}

    static ResponsePacket run(Read r, ChipContext c) {
        int off = r.address().offset();
        int len = r.length();
        return switch (r.address().zone()) {
            case CONFIG -> ResponsePacket.data(c.mem.config().slice(off, off + len));
            case OTP -> {
                ChipError.check(c.mem.dataLocked(), "OTP is not readable before the data zone is locked");
                yield ResponsePacket.data(c.mem.otp().slice(off, off + len));
            }
            case DATA -> ResponsePacket.data(readSlot(r, c, off, len));
        };
    }

    private static Bytes readSlot(Read r, ChipContext c, int off, int len) {
        int slot = r.address().slot();
        ChipError.check(c.mem.dataLocked(), "data slots are not readable before the data zone is locked");
        SlotPolicy p = c.policy(slot);
        ChipError.check(!p.isPrivate(), "a private key slot is never readable");
        Bytes data = c.mem.readSlot(slot, off, len);
        if (!p.isSecret()) return data;
        ChipError.check(p.encryptRead(), "a secret slot without EncryptRead is not readable");
        ChipError.check(r.size32(), "4-byte reads of a secret slot are refused");
        TempKey tk = c.vol.tempKey;
        ChipError.check(tk.valid() && tk.genDigData() && tk.keyId() == p.readKey(), "encrypted read needs TempKey from GenDig of the ReadKey");
        return EncryptedWrites.xor32(data, tk.first32());
    }
}
