package dev.sesh.cli;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Key files a user might wrongly give to atca key set, made fresh for each test. */
final class KeyFilesPem {
    private KeyFilesPem() {}

    static String p384() throws Exception { return pem(ec("secp384r1"), null); }

    static String rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        return pem(g.generateKeyPair(), null);
    }

    static String encrypted() throws Exception { return pem(ec("secp256r1"), "secret"); }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    private static String pem(KeyPair kp, String password) throws Exception {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            if (password == null) pw.writeObject(kp.getPrivate());
            else pw.writeObject(kp.getPrivate(), new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider()).build(password.toCharArray()));
        }
        return w.toString();
    }
}
