package dev.sesh.sim.http;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsECDomain;

/**
 * Bouncy Castle's TLS crypto with the P-256 key agreement moved into the chip ({@link ChipEcdh});
 * hashing, the PRF and the record ciphers stay on the host, as on the ESP8266. One per connection,
 * so the ECDH slots a failed handshake still holds are given back by {@link #releaseSlots()}.
 */
final class ChipTlsCrypto extends BcTlsCrypto {
    private final ChipKey key;
    private final EcdhSlots slots;
    private final List<ChipEcdh> agreements = new ArrayList<>();

    ChipTlsCrypto(ChipKey key, EcdhSlots slots) {
        super(new SecureRandom());
        this.key = key;
        this.slots = slots;
    }

    @Override public TlsECDomain createECDomain(TlsECConfig config) {
        if (config.getNamedGroup() != NamedGroup.secp256r1) return super.createECDomain(config);
        BcTlsECDomain host = new BcTlsECDomain(this, config);
        return new TlsECDomain() {
            @Override public TlsAgreement createECDH() {
                ChipEcdh a = new ChipEcdh(key, slots, ChipTlsCrypto.this, host);
                synchronized (agreements) {
                    agreements.add(a);
                }
                return a;
            }
        };
    }

    void releaseSlots() {
        synchronized (agreements) {
            agreements.forEach(ChipEcdh::release);
            agreements.clear();
        }
    }
}
