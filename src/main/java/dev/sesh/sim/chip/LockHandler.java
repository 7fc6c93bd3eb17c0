package dev.sesh.sim.chip;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.packet.Crc16;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import java.io.ByteArrayOutputStream;

/** Lock (reference/atecc.md 6, 11 rule 11). */
final class LockHandler {
    private LockHandler() {}

    static ResponsePacket run(Lock l, ChipContext c) {
        ChipMemory m = c.mem;
        switch (l.kind()) {
            case Lock.CONFIG -> {
                ChipError.check(!m.configLocked(), "the config zone is already locked");
                if (l.checksSummary()) ChipError.check(Crc16.of(m.config()) == l.summary(), "config summary CRC does not match");
                m.setConfigByte(ChipMemory.LOCK_CONFIG, 0x00);
            }
            case Lock.DATA -> {
                ChipError.check(m.configLocked(), "the data zone can only be locked after the config zone");
                ChipError.check(!m.dataLocked(), "the data zone is already locked");
                if (l.checksSummary()) ChipError.check(dataSummary(m) == l.summary(), "data summary CRC does not match");
                m.setConfigByte(ChipMemory.LOCK_VALUE, 0x00);
            }
            default -> {
                int slot = l.slot();
                ChipError.check(m.dataLocked(), "slot locks need the data zone locked");
                ChipError.check(c.policy(slot).lockable(), "slot " + slot + " is not Lockable");
                ChipError.check(!m.slotLocked(slot), "slot " + slot + " is already locked");
                m.lockSlot(slot);
            }
        }
        return ResponsePacket.status(StatusCode.SUCCESS);
    }

    /**
     * The data+OTP lock summary: CRC-16 over slots 0-15 at full size, skipping private key slots,
     * then the 64 OTP bytes (reference/atecc.md 6, unconfirmed rule; docs/decisions.md, chip model part).
     */
    static int dataSummary(ChipMemory m) {
        ByteArrayOutputStream all = new ByteArrayOutputStream(1272);
        for (int s = 0; s < 16; s++) {
            if ((m.keyConfig(s) & 1) != 0) continue;
            all.writeBytes(m.readSlot(s, 0, Address.slotSize(s)).toArray());
        }
        all.writeBytes(m.otp().toArray());
        return Crc16.of(all.toByteArray());
    }
}
