package dev.sesh.atca.host;

import dev.sesh.bytes.Bytes;

/**
 * The 55-byte message that Sign in internal mode signs (SHA-256 of it) and that Verify
 * validate/invalidate checks (reference/atecc.md 8.2, 8.3; layout as cryptoauthlib's host helper
 * and its sign_internal_ecc / verify_validate tests expect it):
 * <pre>
 * 0-31  TempKey            32     0x41 (Sign opcode)   33    Sign mode
 * 34-35 Sign key id (LE)   36-37  SlotConfig[TempKey.KeyID]   38-39 KeyConfig[TempKey.KeyID]
 * 40    TempKey flags: KeyID | SourceFlag &lt;&lt; 4 | GenDigData &lt;&lt; 5 | GenKeyData &lt;&lt; 6 | NoMacFlag &lt;&lt; 7
 * 41-42 0 (508A/608)       43     SN[8]       44-47 SN[4..7] if mode bit 6, else 0
 * 48-49 SN[0..1]           50-51  SN[2..3] if mode bit 6, else 0
 * 52    0 if TempKey.KeyID's slot is locked, else 1      53 1 for an (in)validation key, else 0     54 0
 * </pre>
 * Verify validate/invalidate takes bytes 33-42, 44-47 and 50-54 from the host as 19 bytes of
 * OtherData and fills in TempKey, the opcode and the serial number bytes itself.
 */
public final class SignInternalMessage {
    public static final int SIGN_OPCODE = 0x41, INCLUDE_SN = 0x40, LENGTH = 55, OTHER_DATA_LENGTH = 19;

    private SignInternalMessage() {}

    /** The message a chip builds for Sign internal. */
    public static Bytes build(Bytes tempKey, int mode, int keyId, int slotConfig, int keyConfig, int tempKeyFlags,
                              SerialNumber sn, boolean slotLocked, boolean pubKeyValid) {
        byte[] m = new byte[LENGTH];
        System.arraycopy(tempKey.toArray(), 0, m, 0, 32);
        m[32] = (byte) SIGN_OPCODE;
        m[33] = (byte) mode;
        m[34] = (byte) keyId;
        m[35] = (byte) (keyId >> 8);
        m[36] = (byte) slotConfig;
        m[37] = (byte) (slotConfig >> 8);
        m[38] = (byte) keyConfig;
        m[39] = (byte) (keyConfig >> 8);
        m[40] = (byte) tempKeyFlags;
        m[43] = (byte) sn.sn(8);
        m[48] = (byte) sn.sn(0);
        m[49] = (byte) sn.sn(1);
        if ((mode & INCLUDE_SN) != 0) {
            for (int i = 0; i < 4; i++) m[44 + i] = (byte) sn.sn(4 + i);
            m[50] = (byte) sn.sn(2);
            m[51] = (byte) sn.sn(3);
        }
        m[52] = (byte) (slotLocked ? 0 : 1);
        m[53] = (byte) (pubKeyValid ? 1 : 0);
        return Bytes.of(m);
    }

    /** The 19 OtherData bytes a host sends with Verify validate/invalidate for {@code message}. */
    public static Bytes otherData(Bytes message) {
        return message.slice(33, 43).concat(message.slice(44, 48)).concat(message.slice(50, 55));
    }

    /** The message a chip rebuilds for Verify validate/invalidate from TempKey and the 19 OtherData bytes. */
    public static Bytes fromOtherData(Bytes tempKey, Bytes otherData, SerialNumber sn) {
        if (otherData.length() != OTHER_DATA_LENGTH) throw new IllegalArgumentException("OtherData is 19 bytes, got " + otherData.length());
        return tempKey.slice(0, 32).concat(Bytes.ofInts(SIGN_OPCODE)).concat(otherData.slice(0, 10)).concat(Bytes.ofInts(sn.sn(8)))
                .concat(otherData.slice(10, 14)).concat(Bytes.ofInts(sn.sn(0), sn.sn(1))).concat(otherData.slice(14, 19));
    }
}
