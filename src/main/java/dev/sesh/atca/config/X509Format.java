package dev.sesh.atca.config;

/**
 * One X509format byte (config bytes 92-95, reference/atecc.md 4.1): low nibble PublicPosition,
 * high nibble TemplateLength.
 */
public record X509Format(int publicPosition, int templateLength) {
    public X509Format {
        SlotConfig.checkNibble("PublicPosition", publicPosition);
        SlotConfig.checkNibble("TemplateLength", templateLength);
    }

    public static X509Format of(int raw) { return new X509Format(raw & 15, (raw >> 4) & 15); }

    public int raw() { return publicPosition | templateLength << 4; }
}
