package dev.sesh.sim.chip;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.host.SerialNumber;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The chip's EEPROM (reference/atecc.md 4): 128-byte config zone, 16 data slots (36 x8, 416, 72 x7),
 * 64-byte OTP zone, and the variant. Everything that survives sleep and power cycles lives here;
 * {@link #save()} / {@link #load(byte[])} keep it in a {@code sim:PATH} folder. Volatile state
 * (TempKey, ...) is in {@link VolatileState}. Lock bytes follow cryptoauthlib: anything but 0x55
 * means locked. Not thread-safe: the chip serialises access.
 */
public final class ChipMemory {
    static final int OTP_MODE = 18, VOLATILE_KEY_PERMISSION = 69, LOCK_VALUE = 86, LOCK_CONFIG = 87, SLOT_LOCKED = 88, CHIP_MODE = 19, SELECTOR = 85, USER_EXTRA = 84;
    private static final byte[] MAGIC = {'S', 'E', 'S', 'H', 'C', 'H', 'I', 'P'};
    private static final int FORMAT = 1;

    private final Variant variant;
    private final byte[] config;
    private final byte[][] slots = new byte[16][];
    private final byte[] otp;

    private ChipMemory(Variant variant, byte[] config, byte[][] slots, byte[] otp) {
        this.variant = variant;
        this.config = config;
        for (int i = 0; i < 16; i++) this.slots[i] = slots[i];
        this.otp = otp;
    }

    /**
     * A factory-new chip (docs/decisions.md, chip model part): serial {@code 01 23 xx xx .. xx EE} with the six
     * middle bytes drawn from {@code seed}, RevNum per variant, I2C address 0xC0, OTPmode 0x55,
     * SlotConfig/KeyConfig zero, counters 0, LastKeyUse 0xFF, both zones unlocked, SlotLocked
     * 0xFFFF; data slots and OTP all 0xFF.
     */
    public static ChipMemory factoryNew(Variant variant, long seed) {
        byte[] c = new byte[128];
        java.util.Random r = new java.util.Random(seed);
        byte[] mid = new byte[6];
        r.nextBytes(mid);
        c[0] = 0x01;
        c[1] = 0x23;
        c[2] = mid[0];
        c[3] = mid[1];
        int rev = variant.revision();
        c[6] = (byte) (rev >> 8);
        c[7] = (byte) rev;
        System.arraycopy(mid, 2, c, 8, 4);
        c[12] = (byte) 0xEE;
        c[13] = (byte) (variant.is608() ? 0x01 : 0xC0);
        c[14] = 0x01;
        c[16] = (byte) 0xC0;
        c[18] = 0x55;
        Arrays.fill(c, 52, 56, (byte) 0xFF);
        Arrays.fill(c, 60, 64, (byte) 0xFF);
        Arrays.fill(c, 68, 84, (byte) (variant.is608() ? 0x00 : 0xFF));
        c[LOCK_VALUE] = 0x55;
        c[LOCK_CONFIG] = 0x55;
        c[SLOT_LOCKED] = (byte) 0xFF;
        c[SLOT_LOCKED + 1] = (byte) 0xFF;
        byte[][] s = new byte[16][];
        for (int i = 0; i < 16; i++) {
            s[i] = new byte[Address.slotSize(i)];
            Arrays.fill(s[i], (byte) 0xFF);
        }
        byte[] o = new byte[64];
        Arrays.fill(o, (byte) 0xFF);
        return new ChipMemory(variant, c, s, o);
    }

    /**
     * A chip holding {@code config} (128 bytes, e.g. a real chip's image read back), with data
     * slots and OTP all 0xFF as on {@link #factoryNew}.
     */
    public static ChipMemory withConfig(Variant variant, Bytes config) {
        if (config.length() != 128) throw new IllegalArgumentException("config zone is 128 bytes, got " + config.length());
        ChipMemory m = factoryNew(variant, 0);
        System.arraycopy(config.toArray(), 0, m.config, 0, 128);
        return m;
    }

    /**
     * A chip holding exactly these bytes: {@code config} (128), {@code otp} (64) and the 16
     * {@code slots} at their full sizes (36 x8, 416, 72 x7). For a twin of a read chip (issue 23).
     */
    public static ChipMemory of(Variant variant, Bytes config, Bytes otp, java.util.List<Bytes> slots) {
        if (config.length() != 128) throw new IllegalArgumentException("config zone is 128 bytes, got " + config.length());
        if (otp.length() != 64) throw new IllegalArgumentException("OTP zone is 64 bytes, got " + otp.length());
        if (slots.size() != 16) throw new IllegalArgumentException("16 slots, got " + slots.size());
        byte[][] s = new byte[16][];
        for (int i = 0; i < 16; i++) {
            if (slots.get(i).length() != Address.slotSize(i)) throw new IllegalArgumentException("slot " + i + " is " + Address.slotSize(i) + " bytes, got " + slots.get(i).length());
            s[i] = slots.get(i).toArray();
        }
        return new ChipMemory(variant, config.toArray(), s, otp.toArray());
    }

    public Variant variant() { return variant; }

    public SerialNumber serial() { return SerialNumber.fromConfig(config()); }

    public Bytes config() { return Bytes.of(config); }

    public Bytes otp() { return Bytes.of(otp); }

    public Bytes slot(int n) { return Bytes.of(slots[n]); }

    int configByte(int i) { return config[i] & 0xff; }

    void setConfigByte(int i, int v) { config[i] = (byte) v; }

    void writeConfig(int offset, Bytes b) { System.arraycopy(b.toArray(), 0, config, offset, b.length()); }

    void writeOtp(int offset, Bytes b) { System.arraycopy(b.toArray(), 0, otp, offset, b.length()); }

    /** Writes into slot {@code n} from {@code offset}, cutting at the slot end. */
    void writeSlot(int n, int offset, Bytes b) {
        int len = Math.min(b.length(), slots[n].length - offset);
        System.arraycopy(b.toArray(), 0, slots[n], offset, len);
    }

    /** {@code len} bytes of slot {@code n} from {@code offset}; bytes past the slot end read 0x00. */
    Bytes readSlot(int n, int offset, int len) {
        byte[] out = new byte[len];
        int avail = Math.max(0, Math.min(len, slots[n].length - offset));
        System.arraycopy(slots[n], offset, out, 0, avail);
        return Bytes.of(out);
    }

    public boolean configLocked() { return configByte(LOCK_CONFIG) != 0x55; }

    public boolean dataLocked() { return configByte(LOCK_VALUE) != 0x55; }

    public int slotConfig(int n) { return configByte(20 + 2 * n) | configByte(21 + 2 * n) << 8; }

    public int keyConfig(int n) { return configByte(96 + 2 * n) | configByte(97 + 2 * n) << 8; }

    public boolean slotLocked(int n) { return ((configByte(SLOT_LOCKED) | configByte(SLOT_LOCKED + 1) << 8) & (1 << n)) == 0; }

    void lockSlot(int n) {
        int v = (configByte(SLOT_LOCKED) | configByte(SLOT_LOCKED + 1) << 8) & ~(1 << n);
        setConfigByte(SLOT_LOCKED, v & 0xff);
        setConfigByte(SLOT_LOCKED + 1, v >> 8);
    }

    public int chipMode() { return configByte(CHIP_MODE); }

    /**
     * The 7-bit I2C address the chip answers after its next wake from sleep (docs/decisions.md, chip model part):
     * config byte 16 bits 7-1; on the 608 with ChipMode bit 0 set and byte 85 non-zero, byte 85.
     */
    public int i2cAddress() {
        if (variant.is608() && (chipMode() & 1) != 0 && configByte(SELECTOR) != 0) return configByte(SELECTOR) >> 1;
        return configByte(16) >> 1;
    }

    /** Monotonic counter {@code id} decoded from its 8 config bytes (reference/atecc.md 4.7). */
    public int counter(int id) {
        int base = 52 + 8 * id;
        int linA = configByte(base) << 8 | configByte(base + 1);
        int linB = configByte(base + 2) << 8 | configByte(base + 3);
        int binA = configByte(base + 4) << 8 | configByte(base + 5);
        int k = linA != 0 ? 16 - (32 - Integer.numberOfLeadingZeros(linA)) : 32 - (32 - Integer.numberOfLeadingZeros(linB));
        return binA * 32 + k;
    }

    void setCounter(int id, int v) {
        int linA = 0xFFFF >>> (v % 32);
        int linB = v >= 16 ? 0xFFFF >>> ((v - 16) % 32) : 0xFFFF;
        int binA = v / 32;
        int binB = v >= 16 ? (v - 16) / 32 : 0;
        int base = 52 + 8 * id;
        int[] w = {linA, linB, binA, binB};
        for (int i = 0; i < 4; i++) {
            setConfigByte(base + 2 * i, (w[i] >> 8) & 0xff);
            setConfigByte(base + 2 * i + 1, w[i] & 0xff);
        }
    }

    /** Serialised form: magic, format, variant, config, OTP, then the 16 slots. */
    public byte[] save() {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 128 + 64 + 1208);
        b.put(MAGIC).put((byte) FORMAT).put((byte) variant.ordinal()).put(config).put(otp);
        for (byte[] s : slots) b.put(s);
        return b.array();
    }

    /** Reads what {@link #save()} wrote; throws IllegalArgumentException for anything else. */
    public static ChipMemory load(byte[] in) {
        if (in.length != 8 + 2 + 128 + 64 + 1208 || !Arrays.equals(Arrays.copyOf(in, 8), MAGIC) || in[8] != FORMAT)
            throw new IllegalArgumentException("not a saved chip image (" + in.length + " bytes)");
        if (in[9] < 0 || in[9] >= Variant.values().length) throw new IllegalArgumentException("unknown variant " + in[9]);
        ByteBuffer b = ByteBuffer.wrap(in, 10, in.length - 10);
        byte[] c = new byte[128];
        byte[] o = new byte[64];
        b.get(c).get(o);
        byte[][] s = new byte[16][];
        for (int i = 0; i < 16; i++) {
            s[i] = new byte[Address.slotSize(i)];
            b.get(s[i]);
        }
        return new ChipMemory(Variant.values()[in[9]], c, s, o);
    }

    @Override public String toString() {
        return "ChipMemory[" + variant + " S/N " + serial().hex() + ", config " + (configLocked() ? "locked" : "open")
                + ", data " + (dataLocked() ? "locked" : "open") + "]";
    }
}
