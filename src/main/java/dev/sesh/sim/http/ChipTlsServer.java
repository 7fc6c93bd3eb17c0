package dev.sesh.sim.http;

import java.io.IOException;

import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsCredentialedSigner;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsSigner;
import org.bouncycastle.tls.crypto.TlsStreamSigner;

/**
 * The board's TLS server side: TLS 1.2, the firmware's ECDHE-ECDSA suite for chip keys
 * (TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256), group P-256 only, ServerKeyExchange signed with
 * ECDSA/SHA-256 by the chip ({@link ChipKey}), ECDHE in the chip ({@link ChipTlsCrypto}).
 */
final class ChipTlsServer extends DefaultTlsServer {
    private static final SignatureAndHashAlgorithm ECDSA_SHA256 = new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    private final ChipKey key;
    private final byte[] certDer;

    ChipTlsServer(ChipTlsCrypto crypto, ChipKey key, byte[] certDer) {
        super(crypto);
        this.key = key;
        this.certDer = certDer;
    }

    @Override protected ProtocolVersion[] getSupportedVersions() { return ProtocolVersion.TLSv12.only(); }

    @Override protected int[] getSupportedCipherSuites() { return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256}; }

    @Override public int[] getSupportedGroups() { return new int[] {NamedGroup.secp256r1}; }

    /** P-256 whenever the client allows it (x25519 would keep the ECDHE off the chip); none otherwise. */
    @Override protected int selectECDH(int minimumCurveBits) {
        int[] offered = context.getSecurityParametersHandshake().getClientSupportedGroups();
        if (offered == null) return NamedGroup.secp256r1; // no supported_groups extension: every curve is allowed
        for (int g : offered) if (g == NamedGroup.secp256r1) return g;
        return -1;
    }

    @Override protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        TlsCertificate cert = getCrypto().createCertificate(certDer);
        TlsSigner signer = new TlsSigner() {
            @Override public byte[] generateRawSignature(SignatureAndHashAlgorithm alg, byte[] hash) throws IOException {
                return key.sign(hash);
            }

            @Override public TlsStreamSigner getStreamSigner(SignatureAndHashAlgorithm alg) { return null; }
        };
        return new DefaultTlsCredentialedSigner(new TlsCryptoParameters(context), signer, new Certificate(new TlsCertificate[] {cert}), ECDSA_SHA256);
    }
}
