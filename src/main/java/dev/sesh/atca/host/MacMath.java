package dev.sesh.atca.host;

import dev.sesh.bytes.Bytes;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digests of MAC, HMAC, CheckMac and DeriveKey (reference/atecc.md 3.3). {@code otp} is the 64-byte
 * OTP zone (only the bytes the mode includes are used).
 */
public final class MacMath {
    private MacMath() {}

    /** The 88-byte MAC/HMAC message tail after the two 32-byte blocks: opcode, mode, keyid, OTP, SN parts. */
    private static Digests.Message macFields(Digests.Message m, int opcode, int mode, int keyId, Bytes otp, SerialNumber sn) {
        m.add(opcode, mode).le16(keyId);
        if ((mode & 0x10) != 0) m.add(otp.slice(0, 11));
        else if ((mode & 0x20) != 0) m.add(otp.slice(0, 8)).zeros(3);
        else m.zeros(11);
        boolean fullSn = (mode & 0x40) != 0;
        m.add(sn.sn(8));
        if (fullSn) m.add(sn.sn(4), sn.sn(5), sn.sn(6), sn.sn(7)); else m.zeros(4);
        m.add(sn.sn(0), sn.sn(1));
        if (fullSn) m.add(sn.sn(2), sn.sn(3)); else m.zeros(2);
        return m;
    }

    /** MAC command: SHA-256(first 32 || second 32 || 0x08 mode keyid || OTP/SN fields) over 88 bytes. */
    public static Bytes mac(Bytes first, Bytes second, int mode, int keyId, Bytes otp, SerialNumber sn) {
        return macFields(Digests.message().add(first).add(second), 0x08, mode, keyId, otp, sn).sha256();
    }

    /** HMAC command (508A): HMAC-SHA256(key, 32 zeros || TempKey || 0x11 mode keyid || OTP/SN fields). */
    public static Bytes hmac(Bytes key, Bytes tempKey, int mode, int keyId, Bytes otp, SerialNumber sn) {
        Bytes msg = macFields(Digests.message().zeros(32).add(tempKey), 0x11, mode, keyId, otp, sn).bytes();
        return hmacSha256(key, msg);
    }

    /** HMAC-SHA256 with a non-empty key (slot keys are 32 bytes). */
    public static Bytes hmacSha256(Bytes key, Bytes msg) {
        try {
            Mac h = Mac.getInstance("HmacSHA256");
            h.init(new SecretKeySpec(key.toArray(), "HmacSHA256"));
            return Bytes.of(h.doFinal(msg.toArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has HmacSHA256", e);
        }
    }

    /**
     * CheckMac: SHA-256(first 32 || second 32 || OtherData[0..3] || OTP[0..7] or zeros || OtherData[4..6]
     * || SN[8] || OtherData[7..10] || SN[0..1] || OtherData[11..12]).
     */
    public static Bytes checkMac(Bytes first, Bytes second, int mode, Bytes otherData, Bytes otp, SerialNumber sn) {
        Digests.Message m = Digests.message().add(first).add(second).add(otherData.slice(0, 4));
        if ((mode & 0x20) != 0) m.add(otp.slice(0, 8)); else m.zeros(8);
        return m.add(otherData.slice(4, 7)).add(sn.sn(8)).add(otherData.slice(7, 11))
                .add(sn.sn(0), sn.sn(1)).add(otherData.slice(11, 13)).sha256();
    }

    /** DeriveKey: SHA-256(parent 32 || 0x1C || mode || target(2 LE) || SN[8] SN[0] SN[1] || 25 zeros || TempKey 32). */
    public static Bytes deriveKey(Bytes parent, int mode, int target, SerialNumber sn, Bytes tempKey) {
        return Digests.message().add(parent).add(0x1C, mode).le16(target).add(sn.sn(8), sn.sn(0), sn.sn(1))
                .zeros(25).add(tempKey).sha256();
    }

    /** DeriveKey authorising MAC: SHA-256(parent 32 || 0x1C || mode || target(2 LE) || SN[8] SN[0] SN[1]). */
    public static Bytes deriveKeyMac(Bytes parent, int mode, int target, SerialNumber sn) {
        return Digests.message().add(parent).add(0x1C, mode).le16(target).add(sn.sn(8), sn.sn(0), sn.sn(1)).sha256();
    }
}
