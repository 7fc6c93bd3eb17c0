/**
 * The firmware-style ATECC508A/608A chip driver (design.md 5.12): pure, over an abstract
 * {@link dev.sesh.atca.driver.I2cPort} and the injected clock.
 *
 * <ul>
 * <li>{@link dev.sesh.atca.driver.AtcaDriver} runs one chip command the way the Mongoose OS HAL
 *     does (wake, word address 0x03 + group, wait, poll, CRC and status check, idle) with retries,
 *     and serialises callers ({@code session}).</li>
 * <li>{@link dev.sesh.atca.driver.ChipOps} holds the command sequences behind the board's ATCA.*
 *     methods (config writes, locks, clear and encrypted writes, PrivWrite, GenKey, Sign, AES),
 *     byte-identical to the firmware's trace in reference/atecc-vectors.json.</li>
 * <li>Failures are {@link dev.sesh.atca.driver.AtcaException} with cryptoauthlib's status byte.</li>
 * </ul>
 *
 * <p>Over a board's RPC, an {@code I2cPort} maps {@code write} to {@code I2C.Write
 * {"addr":A,"data_hex":H}} and {@code read} to {@code I2C.Read {"addr":A,"len":N}}; an error 503
 * ({@code I2C write failed} / {@code I2C read failed}) is a NACK (false / empty), any other failure
 * is thrown. Use {@link dev.sesh.atca.driver.DriverOptions#host()} there: every access is a round
 * trip of tens of ms, so the driver waits each opcode's maximum execution time before the first
 * poll. The default wake pulse (a write to address 0) only works while {@code i2c.freq} is at most
 * 100 kHz (reference/atecc.md 1.3, 1.10).
 */
package dev.sesh.atca.driver;
