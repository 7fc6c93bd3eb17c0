package dev.sesh.x509;

import dev.sesh.atca.SecretBytes;
import dev.sesh.bytes.Bytes;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * {@code x509 keygen OUT}: a new P-256 private key written the way {@code openssl ecparam -name
 * prime256v1 -genkey} writes it (an "EC PARAMETERS" block naming the curve, then the SEC1 "EC
 * PRIVATE KEY" with the curve and public key), in a new file with mode 0600.
 */
public final class KeyGen {
    private KeyGen() {}

    /** Generates a key from {@code random} and writes it to {@code out}; refuses to replace a file. */
    public static PrivateKeyFile generate(Path out, SecureRandom random) {
        ECKeyPairGenerator g = new ECKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(P256.DOMAIN, random));
        AsymmetricCipherKeyPair pair = g.generateKeyPair();
        BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        SecretBytes scalar = P256.scalar32(d, out.toString());
        Bytes xy = P256.publicKey(scalar);
        Pem.writeSecret(out, pem(scalar, xy));
        return new PrivateKeyFile(out.toString(), "PEM EC PRIVATE KEY", scalar, xy);
    }

    /** "EC PARAMETERS" + "EC PRIVATE KEY" PEM text of the key. */
    static String pem(SecretBytes scalar, Bytes xy) {
        try {
            ECPrivateKey sec1 = new ECPrivateKey(256, new BigInteger(1, scalar.bytes().toArray()),
                    new DERBitString(Bytes.of((byte) 4).concat(xy).toArray()), P256.OID);
            return Pem.of("EC PARAMETERS", P256.OID.getEncoded()) + Pem.of("EC PRIVATE KEY", sec1.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }
}
