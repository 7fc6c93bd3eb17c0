package dev.sesh.sim.http;

import dev.sesh.atca.driver.AtcaException;
import dev.sesh.atca.driver.ChipOps;
import dev.sesh.bytes.Bytes;
import dev.sesh.sim.service.LogLevel;
import dev.sesh.sim.service.SimContext;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * The TLS server's private key, {@code http.ssl_key=ATCA:N}: every signature is the chip's (Random,
 * Nonce pass-through, Sign with slot N through {@link ChipOps}, reference/atecc.md 8.2), logged as
 * mbedTLS's ATCA integration logs it. The signature is then checked against the certificate's
 * public key, so a certificate that belongs to another key fails the handshake here with a log
 * line that says so, instead of only at the client.
 */
final class ChipKey {
    static final String MBEDTLS_ATCA = "mbedtls_atca.c";
    static final String SSL_IF = "mg_ssl_if_mbedtls.c";

    private final ChipOps ops;
    private final int slot;
    private final PublicKey certKey;
    private final String certFile;
    private final SimContext ctx;

    ChipKey(ChipOps ops, int slot, PublicKey certKey, String certFile, SimContext ctx) {
        this.ops = ops;
        this.slot = slot;
        this.certKey = certKey;
        this.certFile = certFile;
        this.ctx = ctx;
    }

    ChipOps ops() { return ops; }

    SimContext ctx() { return ctx; }

    /** ECDSA over a SHA-256 digest (32 bytes); returns the DER ECDSA-Sig-Value TLS carries. */
    byte[] sign(byte[] digest) throws IOException {
        Bytes rs;
        try {
            rs = ops.sign(slot, Bytes.of(digest));
        } catch (AtcaException e) {
            ctx.logBare(LogLevel.ERROR, MBEDTLS_ATCA, String.format("ATCA:%d ECDSA sign failed: 0x%02x", slot, e.hostStatus()));
            throw new TlsFatalAlert(AlertDescription.internal_error, e);
        }
        ctx.logBare(LogLevel.INFO, MBEDTLS_ATCA, "ATCA:" + slot + " ECDSA sign ok");
        byte[] der = der(rs);
        if (!matches(digest, der)) {
            ctx.log(LogLevel.ERROR, SSL_IF, 160, "TLS handshake failed: the public key in " + certFile
                    + " is not the key in ATCA:" + slot + " (put the certificate of slot " + slot + "'s key there)");
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "certificate does not match ATCA:" + slot);
        }
        return der;
    }

    private boolean matches(byte[] digest, byte[] der) {
        try {
            Signature v = Signature.getInstance("NONEwithECDSA");
            v.initVerify(certKey);
            v.update(digest);
            return v.verify(der);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** R || S (32 bytes each, big-endian) as SEQUENCE { INTEGER r, INTEGER s }. */
    static byte[] der(Bytes rs) throws IOException {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, rs.slice(0, 32).toArray())));
        v.add(new ASN1Integer(new BigInteger(1, rs.slice(32, 64).toArray())));
        return new DERSequence(v).getEncoded();
    }
}
