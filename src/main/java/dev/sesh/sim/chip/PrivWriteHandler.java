package dev.sesh.sim.chip;

import dev.sesh.atca.command.PrivWrite;
import dev.sesh.atca.host.EncryptedWrites;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;

/** PrivWrite (reference/atecc.md 3.3 PrivWrite, 7.2, 11 rule 12). */
final class PrivWriteHandler {
    private PrivWriteHandler() {}

    static ResponsePacket run(PrivWrite w, ChipContext c) {
        SlotPolicy p = c.policy(w.slot());
        ChipError.check(c.mem.configLocked(), "PrivWrite needs the config zone locked");
        ChipError.check(p.isEccPrivate(), "slot " + w.slot() + " is not a private P-256 key slot");
        ChipError.check(!c.mem.slotLocked(w.slot()), "slot " + w.slot() + " is locked");
        if (c.mem.dataLocked()) {
            ChipError.check(w.encrypted(), "PrivWrite must be encrypted once the data zone is locked");
            ChipError.check((p.writeConfig() & 4) != 0, "WriteConfig of slot " + w.slot() + " forbids PrivWrite");
        }
        Bytes plain = w.value();
        if (w.encrypted()) {
            TempKey tk = c.vol.tempKey;
            ChipError.check(tk.valid() && tk.genDigData() && tk.keyId() == p.writeKey(), "TempKey is not from GenDig of WriteKey " + p.writeKey());
            c.vol.tempKey = TempKey.INVALID;
            plain = EncryptedWrites.privWriteCipher(w.value(), tk.first32());
            Bytes mac = EncryptedWrites.privWriteMac(tk.first32(), w.param1(), w.slot(), c.mem.serial(), plain);
            ChipError.check(mac.equals(w.mac()), "PrivWrite MAC does not match");
        }
        c.mem.writeSlot(w.slot(), 0, plain);
        return ResponsePacket.status(StatusCode.SUCCESS);
    }
}
