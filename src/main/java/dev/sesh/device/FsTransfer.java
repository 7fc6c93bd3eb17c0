package dev.sesh.device;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.SeshException;
import dev.sesh.rpc.CallOptions;
import dev.sesh.rpc.frame.FrameJson;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Moves file bytes in FS.Put / FS.Get chunks with explicit offsets (mos-rpc.md 4.4)
 * (docs/decisions.md "fs put/get: chunks and pipelining"): FS.Put one chunk at a time in offset
 * order; FS.Get keeps {@link #DEPTH} small requests in flight. Every chunk carries its offset, so a
 * resent chunk rewrites the same bytes: FS.Put chunks are sent as idempotent and retried after a
 * timeout. Progress is reported once at 0 before the first request and after each chunk. Interrupting the calling thread cancels the transfer:
 * the chunks in flight are abandoned and the thread's interrupt flag stays set for the caller.
 */
final class FsTransfer {
    /**
     * Raw bytes per FS.Put at most: 3840 base64 characters (no padding), a frame of at most about
     * 4000 bytes with a 47-character name, inside the board's 4096+6 on a UART (mos-rpc.md 1.7;
     * docs/decisions.md D-fs-2). Fewer chunks, fewer envelopes and replies per put.
     */
    static final int PUT_CHUNK = 2880;
    /** Below this many raw bytes per FS.Put a transfer would be mostly envelope: refused instead. */
    static final int MIN_PUT_CHUNK = 96;
    /** Raw bytes per FS.Get: the board builds the reply in RAM (raw + base64, about 4.8 KB of heap on an ESP8266). */
    static final int GET_CHUNK = 2048;
    /** FS.Get requests in flight (each ~100 bytes, inside the board's 128-byte RX FIFO): one on the wire while the board handles the one before. */
    static final int DEPTH = 2;

    private static final CallOptions CHUNK = CallOptions.DEFAULT.asIdempotent();

    private final Board board;

    FsTransfer(Board board) { this.board = board; }

    /**
     * Raw bytes per FS.Put for {@code name} on this board's link: {@link #PUT_CHUNK}, or less where the
     * link's frame limit (the firmware's 3072-byte receive buffer on HTTP and WebSocket, headers
     * counted; docs/decisions.md "frame sizes on network links") leaves less room for the base64.
     */
    int putChunkSize(String name, int size) {
        int budget = board.maxParamsBytes("FS.Put");
        if (budget == Integer.MAX_VALUE) return PUT_CHUNK;
        int envelope = Math.max(putParams(name, 0, "").length(), putParams(name, Math.max(0, size - 1), "").length());
        int room = budget - envelope;
        int chunk = Math.min(PUT_CHUNK, room / 4 * 3);
        if (chunk < MIN_PUT_CHUNK) {
            throw SeshException.badArg("the file name " + name + " leaves no room for data in a request on this link (" + budget + " bytes of params at most)",
                    "use a shorter file name");
        }
        return chunk;
    }

    /**
     * Writes {@code data} to device file {@code name} (created or truncated by the first chunk), one
     * chunk at a time in increasing offset order: the board's SPIFFS cannot seek past a file's end
     * (400 "failed to seek"), and an ESP8266 does not read its UART while a handler writes flash, so
     * a second request on the wire then can overrun its 128-byte receive FIFO (docs/decisions.md D-fs-2).
     */
    void put(String name, byte[] data, TransferProgress progress) {
        int chunk = putChunkSize(name, data.length);
        int chunks = Math.max(1, (data.length + chunk - 1) / chunk);
        progress.advanced(0, data.length);
        for (int i = 0; i < chunks; i++) {
            if (Thread.currentThread().isInterrupted()) throw SeshException.failed("transfer cancelled", "");
            putChunk(name, data, i, chunk);
            progress.advanced(Math.min((long) (i + 1) * chunk, data.length), data.length);
        }
    }

    /**
     * Streams device file {@code name} into {@code sink}; {@code size} (from a listing) plans the
     * chunks, the board's {@code left} decides the end. Returns the bytes written.
     */
    long get(String name, long size, OutputStream sink, TransferProgress progress) {
        long chunks = Math.max(1, (size + GET_CHUNK - 1) / GET_CHUNK);
        ExecutorService pool = pool("fs-get");
        Deque<Inflight<Chunk>> inflight = new ArrayDeque<>();
        long done = 0;
        progress.advanced(0, size);
        try {
            long next = 0;
            Chunk last = null;
            while (next < chunks || !inflight.isEmpty()) {
                while (next < chunks && inflight.size() < DEPTH) {
                    long offset = next++ * GET_CHUNK;
                    inflight.addLast(new Inflight<>((int) (offset / GET_CHUNK), pool.submit(() -> getChunk(name, offset))));
                }
                last = await(inflight.removeFirst().future());
                write(sink, last.data());
                done += last.data().length;
                progress.advanced(done, Math.max(size, done + last.left()));
                if (last.left() == 0) break;      // the file was shorter than listed: the rest is empty
            }
            while (last != null && last.left() > 0) {   // it grew since the listing
                last = getChunk(name, done);
                write(sink, last.data());
                done += last.data().length;
                progress.advanced(done, done + last.left());
                if (last.data().length == 0) break;
            }
            return done;
        } finally {
            stop(pool, inflight);
        }
    }

    private void putChunk(String name, byte[] data, int index, int chunk) {
        int from = index * chunk;
        int len = Math.max(0, Math.min(chunk, data.length - from));
        String b64 = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(data, from, from + len));
        board.raw("FS.Put", putParams(name, from, b64), CHUNK);
    }

    // With an offset the board opens the file at it whatever append says (mos-rpc.md 4.4); like mos, sesh
    // sends append:true after the first chunk, which also spares a "Receiving" log line per chunk.
    private static String putParams(String name, int offset, String b64) {
        return "{\"filename\":" + FrameJson.write(name) + ",\"offset\":" + offset + ",\"append\":" + (offset > 0) + ",\"data\":\"" + b64 + "\"}";
    }

    private Chunk getChunk(String name, long offset) {
        String params = "{\"filename\":" + FrameJson.write(name) + ",\"offset\":" + offset + ",\"len\":" + GET_CHUNK + "}";
        JsonNode r = FrameJson.parse(board.raw("FS.Get", params));
        return new Chunk(Base64.getMimeDecoder().decode(r.path("data").asText("")), r.path("left").asLong(0));
    }

    private static void write(OutputStream sink, byte[] b) {
        try {
            sink.write(b);
        } catch (IOException e) {
            throw SeshException.failed("cannot write the received bytes: " + e.getMessage(), "check the local disk or the output pipe");
        }
    }

    /** Waits for one chunk; an interrupt cancels (flag kept), a chunk's own error comes out as it was thrown. */
    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SeshException.failed("transfer cancelled", "");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ExecutorService pool(String name) {
        return Executors.newFixedThreadPool(DEPTH, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Abandons whatever is still in flight and waits for the workers, so no chunk is sent after this returns. */
    private static <T> void stop(ExecutorService pool, Deque<Inflight<T>> inflight) {
        inflight.forEach(i -> i.future().cancel(true));
        pool.shutdownNow();
        boolean wasInterrupted = Thread.interrupted();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            wasInterrupted = true;
        }
        if (wasInterrupted) Thread.currentThread().interrupt();
    }

    private record Inflight<T>(int index, Future<T> future) {}

    private record Chunk(byte[] data, long left) {}
}
