package dev.sesh.atca.config;

import java.util.List;

/**
 * The chip will answer at another bus address. Rule taken (atecc.md 1.1, docs/decisions-chip.md):
 * the chip latches its address from config byte 16 (608 with ChipMode bit 0 and byte 85 non-zero:
 * from byte 85) at every wake from sleep or power-up, locked or not.
 */
final class I2cAddressRule implements LintRule {
    private static final int DEFAULT_BUS = ConfigZone.DEFAULT_ADDRESS_BYTE >> 1;

    @Override public String id() { return "i2c-address-moved"; }
    @Override public Severity severity() { return Severity.WARNING; }
    @Override public String summary() { return "the I2C address byte moves the chip away from 0x60"; }

    @Override public List<Finding> check(ConfigZone z) {
        int bus = z.busAddress();
        if (bus == DEFAULT_BUS) return List.of();
        boolean fromSelector = bus != z.i2cAddressByte() >> 1;
        String field = fromSelector ? "UserExtraAdd" : "I2C_Address";
        return List.of(finding("config", field, String.format("%s is 0x%02X: after its next sleep or power cycle the chip answers at 0x%02X, not 0x%02X",
                        field, fromSelector ? z.selector() : z.i2cAddressByte(), bus, DEFAULT_BUS),
                String.format("set sys.atca.i2c_addr=0x%02X on the board, or ", bus)
                        + (fromSelector ? "clear ChipMode bit 0" : String.format("put I2C_Address back to 0x%02X", ConfigZone.DEFAULT_ADDRESS_BYTE))));
    }
}
