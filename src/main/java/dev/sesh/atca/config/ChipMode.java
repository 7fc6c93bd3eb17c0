package dev.sesh.atca.config;

/**
 * Config byte 19, ChipMode (reference/atecc.md 4.1).
 *
 * @param bit0         508A SelectorMode (mos "selectorwriteonce": Selector can be written only while
 *                     0x00); 608: the I2C address comes from UserExtraAdd (byte 85)
 * @param ttlEnable    bit 1: input levels referenced to VCC
 * @param longWatchdog bit 2: watchdog about 13 s instead of 1.3 s
 * @param clockDivider bits 7-3 as they stand in the byte (608: 0x00 M0, 0x28 M1, 0x68 M2); mos
 *                     cannot express them
 */
public record ChipMode(boolean bit0, boolean ttlEnable, boolean longWatchdog, int clockDivider) {
    public ChipMode {
        if ((clockDivider & ~0xF8) != 0) throw new IllegalArgumentException("clock divider bits are 7-3 (mask 0xF8), got " + clockDivider);
    }

    public static ChipMode of(int raw) {
        return new ChipMode((raw & 1) != 0, (raw & 2) != 0, (raw & 4) != 0, raw & 0xF8);
    }

    public int raw() { return (bit0 ? 1 : 0) | (ttlEnable ? 2 : 0) | (longWatchdog ? 4 : 0) | clockDivider; }

    @Override public String toString() { return String.format("ChipMode[%02x]", raw()); }
}
