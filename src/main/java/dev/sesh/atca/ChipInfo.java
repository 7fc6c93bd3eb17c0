package dev.sesh.atca;

/**
 * What {@code atca info} shows (issue 7): the chip and how it was told apart, its serial number
 * SN[0..8] as 18 lower-case hex digits, the zone locks, its 7-bit I2C address, and the back end in
 * use with the reason it was chosen.
 *
 * @param chip          "ATECC508A" or "ATECC608A"
 * @param revision      the revision word the variant was decided from (0x5000, 0x6002)
 * @param chipSource    how: "Info command, revision 0x5000" (host driver) or "config bytes 4-7, ..." (ATCA.*)
 * @param serial        SN[0..8], e.g. "012352aad1bbf378ee"
 * @param configLocked  config zone locked (byte 87 is not 0x55)
 * @param dataLocked    data and OTP zones locked (byte 86 is not 0x55)
 * @param i2cAddress    7-bit bus address the chip answers at (0x60 = 96)
 * @param via           "rpc" or "i2c"
 * @param viaReason     why that back end, e.g. "I2C.Scan found the chip at 0x60"
 */
public record ChipInfo(String chip, long revision, String chipSource, String serial, boolean configLocked,
                       boolean dataLocked, int i2cAddress, String via, String viaReason) {
    /** "ATECC508A cfg:open data:open", as the prompt shows it. */
    public String summary() { return chip + " cfg:" + word(configLocked) + " data:" + word(dataLocked); }

    static String word(boolean locked) { return locked ? "locked" : "open"; }
}
