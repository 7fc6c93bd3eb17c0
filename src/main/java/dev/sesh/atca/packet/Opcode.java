package dev.sesh.atca.packet;

import java.util.Optional;

/**
 * Chip command opcodes (reference/atecc.md 3.1) and which variant has them: Pause and HMAC exist
 * only on the 508A; AES, KDF, SelfTest and SecureBoot only on the 608.
 */
public enum Opcode {
    PAUSE(0x01, true, false),
    READ(0x02, true, true),
    MAC(0x08, true, true),
    HMAC(0x11, true, false),
    WRITE(0x12, true, true),
    GENDIG(0x15, true, true),
    NONCE(0x16, true, true),
    LOCK(0x17, true, true),
    RANDOM(0x1B, true, true),
    DERIVE_KEY(0x1C, true, true),
    UPDATE_EXTRA(0x20, true, true),
    COUNTER(0x24, true, true),
    CHECK_MAC(0x28, true, true),
    INFO(0x30, true, true),
    GENKEY(0x40, true, true),
    SIGN(0x41, true, true),
    ECDH(0x43, true, true),
    VERIFY(0x45, true, true),
    PRIV_WRITE(0x46, true, true),
    SHA(0x47, true, true),
    AES(0x51, false, true),
    KDF(0x56, false, true),
    SELF_TEST(0x77, false, true),
    SECURE_BOOT(0x80, false, true);

    private final int code;
    private final boolean on508a;
    private final boolean on608;

    Opcode(int code, boolean on508a, boolean on608) {
        this.code = code;
        this.on508a = on508a;
        this.on608 = on608;
    }

    public int code() { return code; }

    public boolean existsOn(Variant v) { return v.is608() ? on608 : on508a; }

    public static Optional<Opcode> of(int code) {
        for (Opcode o : values()) if (o.code == (code & 0xff)) return Optional.of(o);
        return Optional.empty();
    }
}
