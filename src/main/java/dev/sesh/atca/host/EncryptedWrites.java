package dev.sesh.atca.host;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.PrivWrite;
import dev.sesh.atca.command.Write;
import dev.sesh.bytes.Bytes;

/**
 * Encrypted Write and PrivWrite data and MACs (reference/atecc.md 7.2, 7.3). {@code tempKey} is
 * the TempKey after GenDig of the write key. The MAC covers the plaintext. Vectors:
 * {@code encrypted_write}, {@code privwrite}.
 */
public final class EncryptedWrites {
    private EncryptedWrites() {}

    /** MAC of a 32-byte Write: SHA-256(TempKey || 0x12 || param1 || addr(2 LE) || SN[8] SN[0] SN[1] || 25 zeros || plaintext 32). */
    public static Bytes writeMac(Bytes tempKey, int param1, int address, SerialNumber sn, Bytes plaintext) {
        return Digests.message().add(tempKey).add(0x12, param1).le16(address)
                .add(sn.sn(8), sn.sn(0), sn.sn(1)).zeros(25).add(plaintext).sha256();
    }

    /** Plaintext XOR TempKey (32 bytes): encryption and decryption are the same operation. */
    public static Bytes xor32(Bytes data, Bytes tempKey) {
        byte[] out = data.toArray();
        for (int i = 0; i < 32; i++) out[i] ^= (byte) tempKey.get(i);
        return Bytes.of(out);
    }

    /** The complete encrypted 32-byte Write command (param1 0xC2 for the data zone). */
    public static Write write(Address a, Bytes plaintext32, Bytes tempKey, SerialNumber sn) {
        if (plaintext32.length() != 32) throw new IllegalArgumentException("encrypted writes are 32 bytes");
        int param1 = a.zone().code() | 0xC0;
        return Write.encrypted(a, xor32(plaintext32, tempKey), writeMac(tempKey, param1, a.encode(), sn, plaintext32));
    }

    /** MAC of a PrivWrite: SHA-256(TempKey || 0x46 || param1 || slot(2 LE) || SN[8] SN[0] SN[1] || 21 zeros || plaintext 36). */
    public static Bytes privWriteMac(Bytes tempKey, int param1, int slot, SerialNumber sn, Bytes plaintext36) {
        return Digests.message().add(tempKey).add(0x46, param1).le16(slot)
                .add(sn.sn(8), sn.sn(0), sn.sn(1)).zeros(21).add(plaintext36).sha256();
    }

    /** 36-byte PrivWrite cipher: bytes 0-31 XOR TempKey, bytes 32-35 XOR SHA-256(TempKey)[0..3]. Its own inverse. */
    public static Bytes privWriteCipher(Bytes value36, Bytes tempKey) {
        Bytes second = Digests.sha256(tempKey);
        byte[] out = value36.toArray();
        for (int i = 0; i < 36; i++) out[i] ^= (byte) (i < 32 ? tempKey.get(i) : second.get(i - 32));
        return Bytes.of(out);
    }

    /** The complete encrypted PrivWrite of a 32-byte big-endian scalar into {@code slot}. */
    public static PrivWrite privWrite(int slot, Bytes scalar32, Bytes tempKey, SerialNumber sn) {
        if (scalar32.length() != 32) throw new IllegalArgumentException("a P-256 scalar is 32 bytes");
        Bytes plain = Bytes.of(new byte[4]).concat(scalar32);
        return new PrivWrite(true, slot, privWriteCipher(plain, tempKey), privWriteMac(tempKey, 0x40, slot, sn, plain));
    }
}
