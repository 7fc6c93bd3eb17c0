package dev.sesh.x509;

import dev.sesh.bytes.Bytes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.util.Optional;

/**
 * PKCS#10 certificate requests for a P-256 key, signed by an {@link EcSigner} (the chip for
 * {@code atca csr}, as {@code mos atca-gen-csr} and aws-iot-setup do): ecdsa-with-SHA256, the
 * subject, and the alternative names as an extensionRequest attribute when given. The request's
 * signature is checked against the signer's public key before it is returned.
 */
public final class CsrBuilder {
    private CsrBuilder() {}

    public static PKCS10CertificationRequest build(EcSigner signer, X500Name subject, Optional<GeneralNames> sans) {
        Bytes xy = signer.publicKey();
        PKCS10CertificationRequestBuilder b = new PKCS10CertificationRequestBuilder(subject, P256.spki(xy));
        if (sans.isPresent()) {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            try {
                ext.addExtension(Extension.subjectAlternativeName, false, sans.get());
            } catch (IOException e) {
                throw new IllegalStateException("extension encoding failed", e);
            }
            b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
        }
        PKCS10CertificationRequest csr = b.build(new AteccContentSigner(signer));
        try {
            SelfSigned.checkSignature(csr.getSignature(), csr.toASN1Structure().getCertificationRequestInfo().getEncoded(), xy, signer);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
        return csr;
    }

    /** The request as PEM "CERTIFICATE REQUEST". */
    public static String pem(PKCS10CertificationRequest csr) {
        try {
            return Pem.of("CERTIFICATE REQUEST", csr.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }
}
