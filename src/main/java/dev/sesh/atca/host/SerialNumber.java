package dev.sesh.atca.host;

import dev.sesh.bytes.Bytes;

/**
 * The 9-byte chip serial SN[0..8] = config bytes 0-3 followed by bytes 8-12 (reference/atecc.md
 * 4.1). The digest formulas use SN[8], SN[0], SN[1] in that order (section 7.6).
 */
public record SerialNumber(Bytes bytes) {
    public SerialNumber {
        if (bytes.length() != 9) throw new IllegalArgumentException("serial number is 9 bytes, got " + bytes.length());
    }

    /** From the first 13 (or more) bytes of the config zone. */
    public static SerialNumber fromConfig(Bytes config) {
        return new SerialNumber(config.slice(0, 4).concat(config.slice(8, 13)));
    }

    public int sn(int i) { return bytes.get(i); }

    public String hex() { return bytes.hex(); }
}
