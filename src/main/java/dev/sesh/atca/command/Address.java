package dev.sesh.atca.command;

/**
 * Read/Write param2 (reference/atecc.md 4.6), sent little-endian: config and OTP
 * {@code block << 3 | word}; data {@code block << 8 | slot << 3 | word}. A word is a 4-byte
 * offset within a 32-byte block. Slot sizes per 4.4: slots 0-7 36 bytes, 8 416 bytes, 9-15 72.
 */
public record Address(Zone zone, int slot, int block, int word) {
    public static final int CONFIG_SIZE = 128;
    public static final int OTP_SIZE = 64;

    public Address {
        if (word < 0 || word > 7) throw new IllegalArgumentException("word " + word);
        if (block < 0 || slot < 0 || slot > 15) throw new IllegalArgumentException("slot " + slot + " block " + block);
    }

    public static Address config(int block, int word) { return new Address(Zone.CONFIG, 0, block, word); }

    public static Address otp(int block, int word) { return new Address(Zone.OTP, 0, block, word); }

    public static Address data(int slot, int block, int word) { return new Address(Zone.DATA, slot, block, word); }

    /** The 4-byte config word holding byte {@code offset} (e.g. 84 -> block 2 word 5 = 0x15). */
    public static Address configByte(int offset) { return config(offset / 32, (offset % 32) / 4); }

    /** Size in bytes of data slot {@code slot}. */
    public static int slotSize(int slot) {
        if (slot < 0 || slot > 15) throw new IllegalArgumentException("slot " + slot);
        return slot < 8 ? 36 : slot == 8 ? 416 : 72;
    }

    /** The 16-bit param2. */
    public int encode() {
        return zone == Zone.DATA ? block << 8 | slot << 3 | word : block << 3 | word;
    }

    /** Byte offset inside the zone (config, OTP) or inside the slot (data). */
    public int offset() { return block * 32 + word * 4; }

    /**
     * Decodes param2 for {@code zone} and checks that an access of {@code len} bytes lies within
     * the zone or slot (decision: anything outside is a parse error, 0x03). 32-byte accesses need
     * word 0, except where they run past the end of a slot: a 32-byte access to the short last block
     * of a slot (4 bytes of a 36-byte slot, 8 of a 72-byte slot), even from a word inside it, is
     * allowed; the chip writes what fits and pads reads (cryptoauthlib's write_invalid_block_len).
     */
    public static Address decode(Zone zone, int param2, int len) {
        int word = param2 & 7;
        return switch (zone) {
            case CONFIG, OTP -> {
                CommandParseException.require(len == 4 || word == 0, "32-byte access needs word 0");
                CommandParseException.require((param2 & 0xffe0) == 0, "address 0x" + Integer.toHexString(param2) + " beyond zone");
                int block = (param2 >> 3) & 3;
                int size = zone == Zone.CONFIG ? CONFIG_SIZE : OTP_SIZE;
                CommandParseException.require(block * 32 + word * 4 + len <= size, "address beyond the " + zone + " zone");
                yield new Address(zone, 0, block, word);
            }
            case DATA -> {
                CommandParseException.require((param2 & 0xf000) == 0, "data address 0x" + Integer.toHexString(param2) + " beyond any slot");
                int slot = (param2 >> 3) & 15;
                int block = (param2 >> 8) & 15;
                int start = block * 32 + word * 4;
                CommandParseException.require(len == 4 || word == 0 || start + len > slotSize(slot), "32-byte access needs word 0");
                CommandParseException.require(start < slotSize(slot) && start + Math.min(len, 4) <= slotSize(slot), "address beyond slot " + slot);
                yield new Address(zone, slot, block, word);
            }
        };
    }
}
