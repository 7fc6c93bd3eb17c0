package dev.sesh.atca.config;

import dev.sesh.SeshException;
import dev.sesh.atca.packet.Crc16;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

import java.util.OptionalInt;

/**
 * The 128-byte ATECC508A/608A config zone (reference/atecc.md 4.1), immutable, with typed views of
 * its fields. Multi-byte fields are little-endian (SlotConfig, KeyConfig, SlotLocked, ChipOptions)
 * except RevNum and the counters, which are big-endian as mos reads them. {@code with...} methods
 * return a new zone. The config zone holds no secrets; {@link #toString()} is its hex.
 */
public final class ConfigZone {
    public static final int SIZE = 128;
    public static final int I2C_ADDRESS = 16, OTP_MODE = 18, CHIP_MODE = 19, SLOT_CONFIG = 20, COUNTER = 52,
            LAST_KEY_USE = 68, USER_EXTRA = 84, SELECTOR = 85, LOCK_VALUE = 86, LOCK_CONFIG = 87,
            SLOT_LOCKED = 88, CHIP_OPTIONS = 90, X509_FORMAT = 92, KEY_CONFIG = 96;
    /** The factory address byte: 7-bit bus address 0x60 (reference/atecc.md 1.1). */
    public static final int DEFAULT_ADDRESS_BYTE = 0xC0;

    private final byte[] b;

    private ConfigZone(byte[] b) { this.b = b; }

    /** A zone from exactly 128 bytes; otherwise a {@link SeshException} (bad input). */
    public static ConfigZone of(Bytes bytes) {
        if (bytes.length() != SIZE) {
            throw SeshException.badArg("a config zone is 128 bytes, got " + bytes.length(),
                    "give all 128 bytes (atca config show --format hex prints them)");
        }
        return new ConfigZone(bytes.toArray());
    }

    public Bytes bytes() { return Bytes.of(b); }

    /** Byte {@code offset} (0-127) as 0-255. */
    public int get(int offset) { return b[offset] & 0xff; }

    /** The 9-byte serial number SN[0..8]: bytes 0-3 then 8-12. */
    public Bytes serialNumber() { return Bytes.of(b, 0, 4).concat(Bytes.of(b, 8, 5)); }

    /** RevNum, bytes 4-7 read big-endian (e.g. {@code 00 00 50 00} -> 0x5000). */
    public long revision() { return (long) get(4) << 24 | get(5) << 16 | get(6) << 8 | get(7); }

    /** 608A when the revision is >= 0x6000, else 508A: mos's rule (reference/mos-rpc.md 5.2, atecc.md 3.3 Info). */
    public Variant variant() { return revision() >= 0x6000 ? Variant.ATECC608A : Variant.ATECC508A; }

    /** Byte 13: reserved on the 508A, AES_Enable on the 608 (bit 0). */
    public int reserved13() { return get(13); }

    /** Byte 14 bit 0: 1 = I2C interface, 0 = single-wire. */
    public boolean i2cEnable() { return (get(14) & 1) != 0; }

    /** Byte 16, I2C_Address: the address byte (7-bit bus address in bits 7-1). */
    public int i2cAddressByte() { return get(I2C_ADDRESS); }

    /**
     * The 7-bit bus address the chip answers at after its next sleep: byte 16 bits 7-1, or on a 608
     * with ChipMode bit 0 set and byte 85 non-zero, byte 85 bits 7-1 (docs/decisions.md, chip model part, atecc.md 1.1).
     */
    public int busAddress() {
        if (variant().is608() && chipMode().bit0() && get(SELECTOR) != 0) return get(SELECTOR) >> 1;
        return get(I2C_ADDRESS) >> 1;
    }

    /** Byte 18: OTPmode on the 508A (0xAA read-only, 0x55 consumption), CountMatch on the 608. */
    public int otpMode() { return get(OTP_MODE); }

    public ChipMode chipMode() { return ChipMode.of(get(CHIP_MODE)); }

    public SlotConfig slotConfig(int slot) { return SlotConfig.of(le16(SLOT_CONFIG + 2 * checkSlot(slot))); }

    public KeyConfig keyConfig(int slot) { return KeyConfig.of(le16(KEY_CONFIG + 2 * checkSlot(slot))); }

    /** The 8 stored bytes of monotonic counter {@code n} (0 or 1). */
    public Bytes counterBytes(int n) { return Bytes.of(b, COUNTER + 8 * checkCounter(n), 8); }

    /** The count counter {@code n} holds, or empty if its bytes are not a valid encoding (4.7). */
    public OptionalInt counter(int n) { return MonotonicCounter.decode(counterBytes(n)); }

    /** Bytes 68-83: LastKeyUse on the 508A; UseLock, VolatileKeyPermission, SecureBoot, KdfIv... on the 608. */
    public Bytes lastKeyUse() { return Bytes.of(b, LAST_KEY_USE, 16); }

    /** 608 byte 68. */
    public int useLock() { return get(68); }

    /** 608 byte 69. */
    public int volatileKeyPermission() { return get(69); }

    /** 608 bytes 70-71, little-endian. */
    public int secureBoot() { return le16(70); }

    /** Byte 84, UserExtra (UpdateExtra mode 0, once). */
    public int userExtra() { return get(USER_EXTRA); }

    /** Byte 85: Selector on the 508A, UserExtraAdd on the 608. */
    public int selector() { return get(SELECTOR); }

    /** Byte 86, LockValue (data + OTP): 0x55 unlocked, 0x00 locked. */
    public int lockValue() { return get(LOCK_VALUE); }

    /** Byte 87, LockConfig: 0x55 unlocked, 0x00 locked. */
    public int lockConfig() { return get(LOCK_CONFIG); }

    /** Bytes 88-89 little-endian; bit N = 0 means slot N is locked. */
    public int slotLocked() { return le16(SLOT_LOCKED); }

    /** Bytes 90-91 little-endian: RFU on the 508A, ChipOptions on the 608. */
    public int chipOptions() { return le16(CHIP_OPTIONS); }

    public X509Format x509Format(int i) {
        if (i < 0 || i > 3) throw new IllegalArgumentException("X509format index " + i + " (0-3)");
        return X509Format.of(get(X509_FORMAT + i));
    }

    public LockState lockState() {
        return new LockState(lockConfig() != LockState.UNLOCKED, lockValue() != LockState.UNLOCKED, slotLocked());
    }

    /**
     * The CRC-16 of all 128 bytes (reference/atecc.md 2 and 6): the summary a CRC-checked config
     * Lock carries in param2 (sent low byte first).
     */
    public int summaryCrc() { return Crc16.of(b); }

    /**
     * The summary line mos prints before every {@code atca-*} command (reference/atecc.md 5.5):
     * {@code ATECC508A rev 0x5000 S/N 0x012352aad1bbf378ee, config is locked, data is unlocked}.
     */
    public String mosSummary() {
        LockState l = lockState();
        return variant() + " rev 0x" + Long.toHexString(revision()) + " S/N 0x" + serialNumber().hex()
                + ", config is " + LockState.words(l.configLocked()) + ", data is " + LockState.words(l.dataLocked());
    }

    public ConfigZone withByte(int offset, int value) {
        byte[] c = b.clone();
        c[offset] = (byte) value;
        return new ConfigZone(c);
    }

    public ConfigZone withBytes(int offset, Bytes value) {
        byte[] c = b.clone();
        System.arraycopy(value.toArray(), 0, c, offset, value.length());
        return new ConfigZone(c);
    }

    public ConfigZone withSlotConfig(int slot, SlotConfig sc) { return withLe16(SLOT_CONFIG + 2 * checkSlot(slot), sc.raw()); }

    public ConfigZone withKeyConfig(int slot, KeyConfig kc) { return withLe16(KEY_CONFIG + 2 * checkSlot(slot), kc.raw()); }

    public ConfigZone withChipMode(ChipMode mode) { return withByte(CHIP_MODE, mode.raw()); }

    public ConfigZone withI2cAddressByte(int value) { return withByte(I2C_ADDRESS, value); }

    public ConfigZone withSlotLocked(int bits) { return withLe16(SLOT_LOCKED, bits); }

    public ConfigZone withCounter(int n, int value) { return withBytes(COUNTER + 8 * checkCounter(n), MonotonicCounter.encode(value)); }

    /** This zone with LockValue and LockConfig set (0x55 unlocked, 0x00 locked). */
    public ConfigZone withLocks(boolean config, boolean data) {
        return withByte(LOCK_CONFIG, config ? LockState.LOCKED : LockState.UNLOCKED)
                .withByte(LOCK_VALUE, data ? LockState.LOCKED : LockState.UNLOCKED);
    }

    private ConfigZone withLe16(int offset, int v) {
        byte[] c = b.clone();
        c[offset] = (byte) v;
        c[offset + 1] = (byte) (v >> 8);
        return new ConfigZone(c);
    }

    private int le16(int offset) { return get(offset) | get(offset + 1) << 8; }

    static int checkSlot(int slot) { return Slot.of(slot).number(); }

    private static int checkCounter(int n) {
        if (n != 0 && n != 1) throw new IllegalArgumentException("counter " + n + " (0 or 1)");
        return n;
    }

    @Override public boolean equals(Object o) { return o instanceof ConfigZone z && java.util.Arrays.equals(b, z.b); }

    @Override public int hashCode() { return java.util.Arrays.hashCode(b); }

    @Override public String toString() { return "ConfigZone[" + dev.sesh.bytes.Hex.of(b) + "]"; }
}
