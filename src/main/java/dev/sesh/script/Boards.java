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

    /** Starts a plan for the boards at {@code ports} (see {@link BatchPlan}). */
    public BatchPlan plan(String title, List<String> ports) {
        if (ports.isEmpty()) throw dev.sesh.SeshException.badArg("a batch plan needs at least one board", "give the ports of the boards");
        return new BatchPlan(title, ports);
    }

    /**
     * Asks once for {@code plan} and, if approved, runs {@code work}; inside it each board's own
     * plan whose every action the batch listed runs without asking again. Declined or refused: exit
     * 3 and {@code work} never runs.
     */
    public <T> T batch(BatchPlan plan, java.util.function.Supplier<T> work) {
        Board first;
        synchronized (opened) {
            first = opened.stream().filter(b -> plan.ports().contains(b.portText())).findFirst()
                    .orElseThrow(() -> dev.sesh.SeshException.badArg("none of the batch's boards is open", "open them with boards.open(PORT) first"));
        }
        return first.gate().batch(plan.build(), java.util.Set.copyOf(plan.ports()), work);
    }

    /** Closes every board opened here. */
    @Override public void close() {
        synchronized (opened) {
            opened.forEach(Board::close);
            opened.clear();
        }
    }
}
