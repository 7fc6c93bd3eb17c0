package dev.sesh.rpc.transport;

import dev.sesh.SeshException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a board is, as given to {@code --port} or {@code SESH_PORT}: a serial device path,
 * {@code tcp://host:port}, {@code ws://host[:port]/rpc}, {@code http(s)://host[:port]/rpc}, or
 * {@code sim:[PATH][?opts]} (design.md 5.3).
 * Opening a {@code Sim} spec needs the simulator, which {@code cli} supplies through a
 * {@link TransportFactory}.
 */
public sealed interface PortSpec {
    /** The text the user gave, for messages. */
    String text();

    /** Short name for the prompt: "ttyUSB0", "127.0.0.1:7777", "sim". */
    String shortName();

    /** Hands this spec to the matching method of {@code opener}; adding a kind breaks every opener at compile time. */
    Transport openWith(Opener opener) throws java.io.IOException;

    /** One method per kind of port (style.md rule 5: the behaviour lives on the type). */
    interface Opener {
        Transport openSerial(Serial spec) throws java.io.IOException;

        Transport openTcp(Tcp spec) throws java.io.IOException;

        Transport openWebSocket(WebSocket spec) throws java.io.IOException;

        Transport openSim(Sim spec) throws java.io.IOException;

        Transport openHttp(Http spec) throws java.io.IOException;
    }

    record Serial(String path, int baud) implements PortSpec {
        public String text() { return path; }
        public Transport openWith(Opener o) throws java.io.IOException { return o.openSerial(this); }
        public String shortName() {
            int slash = path.lastIndexOf('/');
            return slash >= 0 ? path.substring(slash + 1) : path;
        }
    }

    record Tcp(String host, int port) implements PortSpec {
        public String text() { return "tcp://" + host + ":" + port; }
        public Transport openWith(Opener o) throws java.io.IOException { return o.openTcp(this); }
        public String shortName() { return host + ":" + port; }
    }

    record WebSocket(URI uri) implements PortSpec {
        public String text() { return uri.toString(); }
        public Transport openWith(Opener o) throws java.io.IOException { return o.openWebSocket(this); }
        public String shortName() { return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""); }
    }

    /** Mongoose OS RPC over HTTP, {@code http://HOST[:PORT]/rpc} or {@code https://...} (mos-rpc.md 3). */
    record Http(URI uri) implements PortSpec {
        public String text() { return uri.toString(); }
        public Transport openWith(Opener o) throws java.io.IOException { return o.openHttp(this); }
        public String shortName() { return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""); }
        public boolean secure() { return uri.getScheme().equals("https"); }
    }

    /** A simulated board: {@code path} empty for a fresh in-memory board; options from the query. */
    record Sim(String path, Map<String, String> options) implements PortSpec {
        public Sim { options = Map.copyOf(options); }
        public String text() {
            StringBuilder sb = new StringBuilder("sim:").append(path);
            String sep = "?";
            for (var e : new java.util.TreeMap<>(options).entrySet()) {
                sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = "&";
            }
            return sb.toString();
        }
        public String shortName() { return "sim"; }
        public Transport openWith(Opener o) throws java.io.IOException { return o.openSim(this); }
        public boolean inMemory() { return path.isEmpty(); }
    }

    /** Parses a {@code --port} value; {@code baud} applies to serial ports. */
    static PortSpec parse(String text, int baud) {
        String t = text.trim();
        if (t.isEmpty()) throw SeshException.badArg("empty --port", "give a serial device, tcp://HOST:PORT, ws://HOST/rpc, https://HOST:PORT/rpc or sim:");
        if (t.startsWith("sim:")) {
            String rest = t.substring(4);
            String path = rest;
            Map<String, String> opts = new LinkedHashMap<>();
            int q = rest.indexOf('?');
            if (q >= 0) {
                path = rest.substring(0, q);
                for (String kv : rest.substring(q + 1).split("&")) {
                    if (kv.isEmpty()) continue;
                    int eq = kv.indexOf('=');
                    if (eq <= 0) throw SeshException.badArg("bad sim option '" + kv + "' in " + t, "options look like sim:PATH?chip=608a&baud=115200");
                    opts.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            return new Sim(path, opts);
        }
        if (t.startsWith("tcp://")) {
            URI u = uri(t);
            if (u.getHost() == null || u.getPort() < 0)
                throw SeshException.badArg("bad TCP port " + t, "write it as tcp://HOST:PORT, e.g. tcp://127.0.0.1:7777");
            return new Tcp(u.getHost(), u.getPort());
        }
        if (t.startsWith("ws://") || t.startsWith("wss://")) {
            URI u = uri(t);
            if (u.getHost() == null) throw SeshException.badArg("bad WebSocket port " + t, "write it as ws://HOST[:PORT]/rpc");
            return new WebSocket(u);
        }
        if (t.startsWith("http://") || t.startsWith("https://")) {
            URI u = uri(t);
            if (u.getHost() == null) throw SeshException.badArg("bad HTTP port " + t, "write it as https://HOST:PORT/rpc");
            return new Http(u);
        }
        if (t.contains("://")) {
            throw SeshException.badArg("unknown port scheme in " + t, "use a serial device path, tcp://, ws://, http(s):// or sim:");
        }
        return new Serial(t, baud);
    }

    private static URI uri(String t) {
        try {
            return new URI(t);
        } catch (java.net.URISyntaxException e) {
            throw SeshException.badArg("bad port URL " + t + ": " + e.getReason(), "check the host and port");
        }
    }
}
