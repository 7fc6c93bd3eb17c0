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
            for (long o = 0; o < 65536; o += FsTransfer.PUT_CHUNK) expected.add(o);
            assertEquals(expected, offsets);
            assertArrayEquals(data, sim.board.fs().read(sim.board.fs().list().stream().filter("big.bin"::equals).findFirst().orElseThrow()));
            assertTrue(sim.board.fs().list().contains("big.bin"));
        }
    }

    @Test void chunksOfTheLongestNameTheBoardStoresStayInsideItsFrameLimit() {
        try (SimI2cBoard sim = new SimI2cBoard()) {
            String name = "n".repeat(43) + ".bin";                  // 47 characters, the ESP8266 build's longest
            byte[] data = new byte[3 * FsTransfer.PUT_CHUNK + 1];
            new Random(7).nextBytes(data);
            sim.wire.clear();
            sim.board.fs().put(name, data, false);
            int longest = sim.wire.stream().filter(f -> f.startsWith("==> ")).mapToInt(f -> f.length() - 4).max().orElseThrow();
            // the frame's JSON, its CRC and the delimiter must fit rpc.max_frame_size 4096 + 6 (mos-rpc.md 1.7)
            assertTrue(longest + 8 + 1 <= 4096 + 6, "frame of " + longest + " bytes");
            assertTrue(longest > 3900, "the chunk uses the frame: " + longest);
            assertArrayEquals(data, sim.board.fs().read(name));
        }
    }
}
