package dev.sesh.sim.i2c;

/**
 * An LM75-style temperature sensor (default address 0x48). The first written byte selects a
 * register (pointer, low 2 bits): 0 temperature (2 bytes, read-only on the bus), 1 configuration
 * (1 byte), 2 THYST and 3 TOS (2 bytes). Two-byte registers are big-endian with the value in
 * 0.5 °C steps in bits 15..7 (two's complement). Later written bytes set the selected register;
 * reads return its bytes from the start, repeating. Power-on: 25.0 °C, config 0, THYST 75 °C,
 * TOS 80 °C.
 */
public final class Lm75 implements I2cTarget {
    public static final int DEFAULT_ADDRESS = 0x48;
    public static final int TEMP = 0;
    public static final int CONFIG = 1;
    public static final int THYST = 2;
    public static final int TOS = 3;

    private final int address;
    private final int[] regs = {0x1900, 0x00, 0x4B00, 0x5000};
    private int pointer;
    private boolean pointerPending;
    private int writeIndex;
    private int readIndex;

    public Lm75() { this(DEFAULT_ADDRESS); }

    public Lm75(int address) { this.address = address; }

    /** Sets the measured temperature, rounded to 0.5 °C and clamped to -55..125 °C. */
    public synchronized void setTemperature(double celsius) {
        double c = Math.max(-55.0, Math.min(125.0, celsius));
        int halves = (int) Math.round(c * 2);
        regs[TEMP] = (halves << 7) & 0xFF80;
    }

    /** The raw 16-bit (or 8-bit for CONFIG) register value. */
    public synchronized int register(int reg) { return regs[reg & 3]; }

    @Override public synchronized boolean ackAddress(int addr, boolean read) {
        if (addr != address) return false;
        pointerPending = !read;
        writeIndex = 0;
        readIndex = 0;
        return true;
    }

    @Override public synchronized int write(byte[] data) {
        for (byte b : data) {
            int v = b & 0xff;
            if (pointerPending) {
                pointer = v & 3;
                pointerPending = false;
                continue;
            }
            if (pointer == CONFIG) {
                regs[CONFIG] = v;
            } else if (pointer != TEMP && writeIndex < 2) {
                int shift = writeIndex == 0 ? 8 : 0;
                regs[pointer] = (regs[pointer] & ~(0xFF << shift)) | (v << shift);
                // The low byte keeps only bit 7 (the 0.5 °C bit), as on the part.
                regs[pointer] &= 0xFF80;
            }
            writeIndex++;
        }
        return data.length;
    }

    @Override public synchronized byte[] read(int len) {
        int width = pointer == CONFIG ? 1 : 2;
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++, readIndex++) {
            int k = readIndex % width;
            out[i] = (byte) (width == 1 ? regs[pointer] : regs[pointer] >> (k == 0 ? 8 : 0));
        }
        return out;
    }
}
