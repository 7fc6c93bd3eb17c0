package dev.sesh.testing;

import dev.sesh.sim.SimBoard;
import dev.sesh.sim.http.HttpService;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * What {@code sim serve} does for a board no UART client drives: runs its timers (a reboot) and
 * reads its UART output, every 10 ms on a daemon thread, keeping the output as the board's log.
 * Tests that reach a simulated board over its own HTTP port use it.
 */
public final class SimTicker implements AutoCloseable {
    private final SimBoard sim;
    private final StringBuilder log = new StringBuilder();
    private final Thread thread;
    private volatile boolean running = true;

    /** Powers {@code sim} on and starts ticking it. */
    public SimTicker(SimBoard sim) {
        this.sim = sim;
        sim.powerOn();
        thread = new Thread(() -> {
            while (running) {
                sim.poll();
                drain();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sim-ticker");
        thread.setDaemon(true);
        thread.start();
    }

    /** Everything the board printed so far. */
    public synchronized String log() {
        drain();
        return log.toString();
    }

    /** The board's latest host URL for device HTTP port {@code devicePort} (its boot log's mapping line), if any yet. */
    public synchronized Optional<String> url(String devicePort) {
        drain();
        Matcher m = HttpService.MAPPING.matcher(log);
        String url = null;
        while (m.find()) if (m.group(1).equals(devicePort)) url = m.group(2);
        return Optional.ofNullable(url);
    }

    private synchronized void drain() { log.append(new String(sim.takeOutput(), StandardCharsets.ISO_8859_1)); }

    /** Stops ticking and powers the board off. */
    @Override public void close() throws InterruptedException {
        running = false;
        thread.join(1000);
        sim.powerOff();
    }
}
