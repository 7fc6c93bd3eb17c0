package dev.sesh.x509;

import dev.sesh.atca.Atecc;
import dev.sesh.bytes.Bytes;

/**
 * The private key in slot {@code slot} of the chip: signatures come from the chip's Sign command
 * (through {@link Atecc#sign}), so the key never leaves it. The public key is asked for once
 * (GenKey mode 0).
 */
public final class SlotSigner implements EcSigner {
    private final Atecc atecc;
    private final int slot;
    private Bytes publicKey;

    public SlotSigner(Atecc atecc, int slot) {
        this.atecc = atecc;
        this.slot = slot;
    }

    @Override public synchronized Bytes publicKey() {
        if (publicKey == null) publicKey = atecc.publicKey(slot);
        return publicKey;
    }

    @Override public Bytes signDigest(Bytes digest) { return atecc.sign(slot, digest); }

    @Override public String describe() { return "slot " + slot + " of the chip"; }
}
