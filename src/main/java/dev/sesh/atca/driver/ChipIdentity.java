package dev.sesh.atca.driver;

import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

/**
 * What the boot probe learns (reference/atecc.md 1.9): the variant from the Info revision
 * (&gt;= 0x6000 is a 608A), the revision word (Info mode 0 read big-endian), the 9-byte serial
 * number SN[0..8] (config bytes 0-3 and 8-12) and ChipMode (config byte 19).
 */
public record ChipIdentity(Variant variant, int revision, Bytes serial, int chipMode) {
    public ChipIdentity {
        if (serial.length() != 9) throw new IllegalArgumentException("serial number must be 9 bytes, got " + serial.length());
    }
}
