package dev.sesh.atca;

import dev.sesh.atca.driver.I2cPort;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.I2cBus;

import java.util.Optional;

/**
 * The chip driver's I2C port over a board's I2C.Write / I2C.Read RPC methods (design.md 5.12,
 * reference/atecc.md 1.10, mos-rpc.md 4.5): every transfer is one round trip, and a NACK (503
 * from the board) is an ordinary answer. Goes around the change gate: whoever drives the chip
 * through this port gates at the chip-command level. The wake pulse is an empty write to address
 * 0x00, which holds SDA low long enough only while the bus runs at 100 kHz ({@code i2c.freq}):
 * the RPC cannot slow the bus down for it as the firmware's HAL does.
 */
public final class RpcI2cPort implements I2cPort {
    private final I2cBus bus;

    public RpcI2cPort(I2cBus bus) { this.bus = bus; }

    @Override public boolean write(int address, byte[] data) { return bus.rawWrite(address, Bytes.of(data)); }

    @Override public Optional<byte[]> read(int address, int len) { return bus.rawRead(address, len).map(Bytes::toArray); }

    @Override public void wakePulse() { bus.rawWrite(0x00, Bytes.EMPTY); }
}
