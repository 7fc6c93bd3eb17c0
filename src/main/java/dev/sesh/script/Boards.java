package dev.sesh.script;

import dev.sesh.atca.Atecc;
import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.DeviceConfig;
import dev.sesh.device.DeviceFs;
import dev.sesh.device.I2cBus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code boards} object: scripts that work on several boards open the others here
 * ({@code boards.open('tcp://127.0.0.1:7777')}). Each is opened through the session's
 * {@link BoardConnector}, so its changes go through the same gate as the session's board. Every
 * board opened here is closed by {@link #close()} when the script run ends.
 */
public final class Boards implements AutoCloseable {
    private final BoardConnector connector;
    private final List<Board> opened = new ArrayList<>();

    public Boards(BoardConnector connector) { this.connector = Objects.requireNonNull(connector); }

    /** One more board's objects, as the session's: {@code board}, {@code atca}, {@code fs}, {@code config}, {@code i2c}. */
    public record Opened(String port, Board board, Atecc atca, DeviceFs fs, DeviceConfig config, I2cBus i2c) {}

    /** Opens and handshakes {@code port} (throws SeshException exit 4 when unreachable). */
    public Opened open(String port) {
        Board b = connector.open(port);
        synchronized (opened) {
            opened.add(b);
        }
        return new Opened(port, b, new Atecc(b, Optional.empty()), b.fs(), b.config(), b.i2c());
    }

    /** Closes every board opened here. */
    @Override public void close() {
        synchronized (opened) {
            opened.forEach(Board::close);
            opened.clear();
        }
    }
}
