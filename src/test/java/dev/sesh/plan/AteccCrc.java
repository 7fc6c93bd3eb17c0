package dev.sesh.plan;

import dev.sesh.bytes.Bytes;

/** Test-only ATECC CRC-16 (polynomial 0x8005, bits fed LSB first, result low byte first; reference/atecc.md 2). */
final class AteccCrc {
    private AteccCrc() {}

    static Bytes of(Bytes data) {
        int crc = 0;
        for (int i = 0; i < data.length(); i++) {
            for (int bit = 0; bit < 8; bit++) {
                int dataBit = (data.get(i) >> bit) & 1;
                int crcBit = (crc >> 15) & 1;
                crc = (crc << 1) & 0xffff;
                if (dataBit != crcBit) crc ^= 0x8005;
            }
        }
        return Bytes.ofInts(crc & 0xff, crc >> 8);
    }
}
