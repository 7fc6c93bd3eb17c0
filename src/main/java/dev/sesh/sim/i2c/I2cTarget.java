package dev.sesh.sim.i2c;

/**
 * A device on the simulated I2C bus ({@link I2cBusModel}), seen transfer by transfer with the
 * START / address / data / repeated-START / STOP shape of reference/mos-rpc.md 4.5.
 *
 * <p>Every START (and repeated START) is shown to <em>every</em> attached target: first
 * {@link #sdaLow(long)}, then {@link #ackAddress(int, boolean)}. A target that ACKs gets the data
 * phase ({@link #write} or {@link #read}); if several ACK the same address the first attached wins
 * (a bus conflict the model does not otherwise resolve). Every STOP is shown to every target
 * through {@link #stop()}. One transaction, e.g. I2C.ReadRegB, looks like this to the addressed
 * target: {@code ackAddress(a, false)}, {@code write([reg])}, {@code ackAddress(a, true)} (repeated
 * START), {@code read(1)}, {@code stop()}. A zero-length write (a scan probe) is
 * {@code ackAddress(a, false)}, {@code stop()}: no {@code write} call.
 *
 * <p>Time: the bus charges the wire time of each phase on its injected clock after the call
 * returns, so {@code clock.nanos()} read inside a call is the time that phase started. Targets
 * that need time (write cycles, wake delays, watchdogs, execution times) take the same clock in
 * their constructor. Calls come from one thread at a time (the bus serialises transactions).
 */
public interface I2cTarget {

    /**
     * A START put SDA low for {@code nanos} before the address byte released it: the START hold
     * plus the address byte's leading zero bits at the bus clock, i.e. {@code (zeros + 1)} bit
     * times. At 100 kHz, addresses 0x00-0x03 give at least 60 us (an ATECC wake pulse,
     * reference/atecc.md 1.3: tWLO = 60 us); address 0x04 and above, or a faster clock, give less.
     * Called on every target before {@link #ackAddress}. Default: ignored.
     */
    default void sdaLow(long nanos) {}

    /**
     * Address phase of a START or repeated START. {@code address} is 7-bit (0x00-0x7F);
     * {@code read} is the R/W bit. Return true to ACK (then this target gets the data phase),
     * false to NACK or when the address is not this target's (then the master sends STOP).
     */
    boolean ackAddress(int address, boolean read);

    /**
     * Data phase of a write after this target ACKed its address. The target takes the bytes in
     * order and returns how many it ACKed: {@code data.length} if all, else {@code n} where byte
     * {@code n} was NACKed (it was clocked in, but the master stops there and sends STOP).
     * Never called with an empty array.
     */
    int write(byte[] data);

    /**
     * Data phase of a read after this target ACKed its address: returns exactly {@code len}
     * ({@code >= 1}) bytes. The master ACKs every byte but the last, then sends STOP. A target
     * with nothing to say returns 0xFF bytes (SDA released).
     */
    byte[] read(int len);

    /** A STOP condition on the bus (every STOP, whoever was addressed). Default: ignored. */
    default void stop() {}
}
