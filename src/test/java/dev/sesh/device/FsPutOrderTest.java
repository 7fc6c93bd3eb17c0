package dev.sesh.device;

import dev.sesh.testing.SimI2cBoard;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 24 item 2: FS.Put chunks go out in increasing offset order, one in flight, and the board never refuses one. */
class FsPutOrderTest {
    private static final Pattern OFFSET = Pattern.compile("\"method\":\"FS.Put\".*\"offset\":(\\d+)");

    @Test void a64KiBPutSendsEachChunkOnceInOffsetOrderAndWaitsForEachReply() {
        try (SimI2cBoard sim = new SimI2cBoard()) {
            byte[] data = new byte[65536];
            new Random(24).nextBytes(data);
            sim.wire.clear();
            sim.board.fs().put("big.bin", data, false);
            List<Long> offsets = new ArrayList<>();
            boolean waiting = false;
            for (String f : sim.wire) {
                assertFalse(f.contains("failed to seek"), f);
                if (f.startsWith("==> ")) {
                    Matcher m = OFFSET.matcher(f);
                    if (!m.find()) continue;
                    assertFalse(waiting, "a second FS.Put went out before the reply to the first: " + f.substring(0, 80));
                    offsets.add(Long.parseLong(m.group(1)));
                    waiting = true;
                } else {
                    waiting = false;
                }
            }
            List<Long> expected = new ArrayList<>();
            for (long o = 0; o < 65536; o += 2048) expected.add(o);
            assertEquals(expected, offsets);
            assertArrayEquals(data, sim.board.fs().read(sim.board.fs().list().stream().filter("big.bin"::equals).findFirst().orElseThrow()));
            assertTrue(sim.board.fs().list().contains("big.bin"));
        }
    }
}
