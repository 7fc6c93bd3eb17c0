package dev.sesh.atca;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Read;
import dev.sesh.atca.driver.AtcaDriver;
import dev.sesh.atca.driver.AtcaException;
import dev.sesh.atca.driver.ChipIdentity;
import dev.sesh.atca.driver.ChipOps;
import dev.sesh.atca.driver.DriverOptions;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.Board;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Drives the chip with sesh's own {@link AtcaDriver} over the board's I2C.Write / I2C.Read
 * (reference/atecc.md 1.10, design.md 5.12). Nonce, GenDig, MAC and the encryption of an encrypted
 * write are computed here, so a write key never crosses the serial link; a config Lock carries the
 * summary CRC. Every sequence runs inside the driver's session lock. The random Nonce's NumIn
 * comes from this computer's {@link SecureRandom}.
 */
public final class HostI2cBackend implements AteccBackend {
    private final ChipOps ops;
    private final AtcaDriver driver;
    private volatile boolean identified;

    /** The chip at 7-bit {@code address} on bus 0 of {@code board}, kept awake between commands ({@link DriverOptions#overLink()}). */
    public HostI2cBackend(Board board, int address) { this(board, address, DriverOptions.overLink()); }

    /**
     * As {@link #HostI2cBackend(Board, int)} paced by {@code options}: {@link DriverOptions#host()}
     * idles the chip after every command, as the firmware leaves it, for checks that run between the
     * firmware's own ATCA.* calls.
     */
    HostI2cBackend(Board board, int address, DriverOptions options) {
        this.driver = new AtcaDriver(new RpcI2cPort(board.i2c()), board.clock(), options.withAddress(address));
        SecureRandom rng = new SecureRandom();
        Supplier<Bytes> numIn = () -> {
            byte[] b = new byte[20];
            rng.nextBytes(b);
            return Bytes.of(b);
        };
        this.ops = new ChipOps(driver, numIn);
    }

    @Override public Via via() { return Via.I2C; }

    @Override public <T> T session(Supplier<T> sequence) { return driver.session(d -> sequence.get()); }

    @Override public Identity identify(Bytes config) {
        ChipIdentity id = call(ChipOp.INFO, -1, driver::identify);
        identified = true;
        return new Identity(id.variant(), id.revision(), String.format("Info command, revision 0x%04x", id.revision()));
    }

    @Override public Bytes readConfig() {
        return call(ChipOp.READ_CONFIG, -1, () -> driver.session(d -> {
            Bytes all = Bytes.EMPTY;
            for (int block = 0; block < 4; block++) all = all.concat(ops.readConfigBlock(block));
            return all;
        }));
    }

    @Override public void writeConfig(Bytes config128) { run(ChipOp.WRITE_CONFIG, -1, () -> ops.writeConfig(config128)); }

    @Override public boolean locksWithCrc() { return true; }

    @Override public void lockConfig(int crc) { run(ChipOp.LOCK_CONFIG, -1, () -> ops.lock(Lock.config(crc))); }

    @Override public void lockData(OptionalInt crc) {
        run(ChipOp.LOCK_DATA, -1, () -> ops.lock(crc.isPresent() ? Lock.data(crc.getAsInt()) : Lock.dataNoCrc()));
    }

    @Override public void lockSlot(int slot) { run(ChipOp.LOCK_SLOT, slot, () -> ops.lock(Lock.slot(slot))); }

    @Override public Bytes random() { return call(ChipOp.RANDOM, -1, ops::random); }

    @Override public Bytes read(int slot, int block, int word, int len) {
        Read r = new Read(Address.data(slot, block, word), len == 32);
        return call(ChipOp.READ, slot, () -> driver.execute(r, len == 32 ? 35 : 7));
    }

    @Override public void writeClear(int slot, int block, Bytes value) { run(ChipOp.WRITE, slot, () -> ops.writeClear(slot, block, value)); }

    @Override public void writeEncrypted(int slot, int block, Bytes plaintext32, int writeKeySlot, Bytes writeKey) {
        run(ChipOp.WRITE, slot, () -> ops.writeEncrypted(slot, block, plaintext32, writeKeySlot, writeKey));
    }

    @Override public void privWrite(int slot, Bytes scalar32, int writeKeySlot, Optional<Bytes> writeKey) {
        run(ChipOp.PRIV_WRITE, slot, () -> ops.privWrite(slot, scalar32, writeKeySlot, writeKey));
    }

    @Override public Bytes genKey(int slot) {
        return call(ChipOp.GEN_KEY, slot, () -> driver.session(d -> {
            d.startFresh();
            return ops.genKey(slot);
        }));
    }

    @Override public Bytes publicKey(int slot) { return call(ChipOp.PUBLIC_KEY, slot, () -> ops.publicKey(slot)); }

    @Override public Bytes mac(int slot, Bytes challenge32) { return call(ChipOp.MAC, slot, () -> ops.mac(slot, challenge32)); }

    // The Sign sequence differs between 508A and 608A (reference/atecc.md 8.2): the driver must know the chip first.
    @Override public Bytes sign(int slot, Bytes digest32) {
        if (!identified) identify(Bytes.EMPTY);
        return call(ChipOp.SIGN, slot, () -> ops.sign(slot, digest32));
    }

    @Override public ResponsePacket raw(CommandPacket command, int responseLen) { return driver.transact(command, responseLen); }

    // A change starts from a fresh wake (AtcaDriver#startFresh); reads ride on the chip left awake.
    private void run(ChipOp op, int slot, Runnable step) {
        call(op, slot, () -> driver.session(d -> {
            d.startFresh();
            step.run();
            return null;
        }));
    }

    // A chip status becomes a ChipStatusException that Atecc explains; link failures pass through as they are.
    private static <T> T call(ChipOp op, int slot, Supplier<T> step) {
        try {
            return step.get();
        } catch (AtcaException e) {
            Optional<StatusCode> st = e.chipStatus();
            if (st.isPresent()) throw new ChipStatusException(op, slot, st.get(), e.hint());
            throw e;
        }
    }
}
