package dev.sesh.atca.config;

/**
 * Lock state read from config bytes 86 (LockValue, data+OTP), 87 (LockConfig) and 88-89
 * (SlotLocked, little-endian, bit N = 0 means slot N is locked). Following cryptoauthlib, a lock byte
 * counts as locked unless it is 0x55 (reference/atecc.md 4).
 */
public record LockState(boolean configLocked, boolean dataLocked, int slotLockedBits) {
    public static final int UNLOCKED = 0x55;
    public static final int LOCKED = 0x00;

    public LockState {
        if ((slotLockedBits & ~0xFFFF) != 0) throw new IllegalArgumentException("SlotLocked is 16 bits");
    }

    /** True if slot {@code slot} is individually locked (its SlotLocked bit is 0). */
    public boolean slotLocked(int slot) {
        if (slot < 0 || slot > 15) throw new IllegalArgumentException("slot " + slot);
        return (slotLockedBits >> slot & 1) == 0;
    }

    /** "locked" or "unlocked". */
    public static String words(boolean locked) { return locked ? "locked" : "unlocked"; }
}
