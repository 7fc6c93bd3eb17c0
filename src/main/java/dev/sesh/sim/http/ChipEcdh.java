package dev.sesh.sim.http;

import dev.sesh.atca.driver.AtcaException;
import dev.sesh.bytes.Bytes;
import dev.sesh.sim.service.LogLevel;

import java.io.IOException;
import java.io.InterruptedIOException;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsECDomain;

/**
 * One ECDHE key agreement done by the chip, as the firmware does it (reference/atecc.md 8.4):
 * GenKey mode 0x04 puts a fresh private key in an ECDH slot and gives the ephemeral public key,
 * then ECDH with that slot and the client's point gives the premaster secret. The slot is held
 * from GenKey to ECDH.
 */
final class ChipEcdh implements TlsAgreement {
    private final ChipKey key;
    private final EcdhSlots slots;
    private final BcTlsCrypto crypto;
    private final BcTlsECDomain domain;
    private int slot = -1;
    private Bytes peer;

    ChipEcdh(ChipKey key, EcdhSlots slots, BcTlsCrypto crypto, BcTlsECDomain domain) {
        this.key = key;
        this.slots = slots;
        this.crypto = crypto;
        this.domain = domain;
    }

    @Override public byte[] generateEphemeral() throws IOException {
        try {
            slot = slots.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for an ECDH slot");
        }
        Bytes xy;
        try {
            xy = key.ops().genKey(slot);
        } catch (AtcaException e) {
            key.ctx().logBare(LogLevel.ERROR, ChipKey.MBEDTLS_ATCA, String.format("ATCA:%d ECDH get pubkey failed: 0x%02x", slot, e.hostStatus()));
            release();
            throw new TlsFatalAlert(AlertDescription.internal_error, e);
        }
        key.ctx().logBare(LogLevel.INFO, ChipKey.MBEDTLS_ATCA, "ATCA:" + slot + " ECDH get pubkey ok");
        byte[] point = new byte[65];
        point[0] = 0x04; // uncompressed
        System.arraycopy(xy.toArray(), 0, point, 1, 64);
        return point;
    }

    @Override public void receivePeerValue(byte[] peerValue) throws IOException {
        ECPublicKeyParameters p = domain.decodePublicKey(peerValue); // checks the point is on the curve
        ECPoint q = p.getQ().normalize();
        byte[] xy = new byte[64];
        System.arraycopy(q.getAffineXCoord().getEncoded(), 0, xy, 0, 32);
        System.arraycopy(q.getAffineYCoord().getEncoded(), 0, xy, 32, 32);
        peer = Bytes.of(xy);
    }

    @Override public TlsSecret calculateSecret() throws IOException {
        if (slot < 0 || peer == null) throw new TlsFatalAlert(AlertDescription.internal_error, "ECDH before its key exchange");
        try {
            Bytes x = key.ops().ecdh(slot, peer);
            key.ctx().logBare(LogLevel.INFO, ChipKey.MBEDTLS_ATCA, "ATCA:" + slot + " ECDH ok");
            return crypto.createSecret(x.toArray());
        } catch (AtcaException e) {
            key.ctx().logBare(LogLevel.ERROR, ChipKey.MBEDTLS_ATCA, String.format("ATCA:%d ECDH failed: 0x%02x", slot, e.hostStatus()));
            throw new TlsFatalAlert(AlertDescription.internal_error, e);
        } finally {
            release();
        }
    }

    /** Gives the slot back (also when the handshake ends before the ECDH). */
    void release() {
        if (slot >= 0) slots.give(slot);
        slot = -1;
    }
}
