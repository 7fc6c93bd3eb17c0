package dev.sesh.x509;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;

/** Names of key algorithms and curves, for messages that say what a file holds instead. */
final class KeyAlgorithms {
    private KeyAlgorithms() {}

    /** Whether {@code alg} is id-ecPublicKey on prime256v1. */
    static boolean isP256(AlgorithmIdentifier alg) {
        return alg.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey) && P256.OID.equals(alg.getParameters());
    }

    /** "an RSA key", "an EC key on secp384r1", "an Ed25519 key", ... */
    static String describe(AlgorithmIdentifier alg) {
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) return "an RSA key";
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) return "an Ed25519 key";
        if (oid.equals(EdECObjectIdentifiers.id_X25519)) return "an X25519 key";
        if (oid.equals(X9ObjectIdentifiers.id_dsa)) return "a DSA key";
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) return "an EC key on " + curveName(alg.getParameters());
        return "a key of algorithm " + oid.getId();
    }

    /** "secp384r1", or "explicit curve parameters", or "no named curve". */
    static String curveName(ASN1Encodable params) {
        if (params instanceof ASN1ObjectIdentifier) {
            String name = ECNamedCurveTable.getName((ASN1ObjectIdentifier) params);
            return name != null ? name : "curve " + ((ASN1ObjectIdentifier) params).getId();
        }
        return params == null ? "no named curve" : "explicit curve parameters";
    }
}
