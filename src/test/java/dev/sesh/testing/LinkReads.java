package dev.sesh.testing;

import dev.sesh.rpc.transport.Transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reading a raw link in protocol tests. */
public final class LinkReads {
    private LinkReads() {}

    /** Reads from {@code host} until {@code marker} has arrived, at most 500 reads of 20 ms; returns all read, as ISO-8859-1. */
    public static String readUntil(Transport host, String marker) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int i = 0; i < 500 && !got.toString(StandardCharsets.ISO_8859_1).contains(marker); i++) {
            int n = host.read(buf, 0, buf.length, 20);
            if (n < 0) break;
            got.write(buf, 0, Math.max(n, 0));
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }
}
