package dev.sesh.sim.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.fs.FlashFs.Entry;
import dev.sesh.sim.fs.FlashFs.WriteResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlashFsTest {
    VirtualClock clock = new VirtualClock();
    FlashFs fs = FlashFs.inMemory(FlashFs.factoryImage(), clock);

    static byte[] b(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    static String s(byte[] b) { return new String(b, StandardCharsets.ISO_8859_1); }

    @Test void startsWithThreeByteConf0AndCaptureRigFreeSpace() {
        assertEquals(List.of(new Entry("conf0.json", 3)), fs.list("/"));
        assertEquals(233681 - 3, fs.free());
    }

    @Test void slashesInFrontNameTheSameFile() {
        assertEquals(WriteResult.OK, fs.write("//x", 0, false, b("abc")));
        assertEquals("abc", s(fs.read("x").orElseThrow()));
        assertEquals("abc", s(fs.read("/x").orElseThrow()));
        assertEquals(List.of(new Entry("conf0.json", 3), new Entry("x", 3)), fs.list(""));
    }

    @Test void onlyRootIsADirectory() {
        fs.write("a/b", 0, false, b("1"));
        assertEquals(List.of(), fs.list("/a"));
        assertEquals(List.of(), fs.list("/nodir"));
    }

    @Test void nameOfFortySevenBytesOpensAndFortyEightDoesNot() {
        String longest = "a".repeat(47);
        assertEquals(WriteResult.OK, fs.write("/" + longest, 0, false, b("x")));
        assertEquals(WriteResult.OPEN_FAILED, fs.write("/" + longest + "b", 0, false, b("x")));
        assertFalse(fs.rename(longest, longest + "b"));
        assertEquals(WriteResult.OPEN_FAILED, fs.write("/", 0, false, b("x")));
    }

    @Test void rawBytesInNamesAreKept() {
        fs.write("caf\u00e9.txt", 0, false, b("ABC"));
        assertTrue(fs.exists("/caf\u00e9.txt"));
    }

    @Test void putOffsetsFollowTheFirmwareOpenModes() {
        fs.write("h", 0, false, b("hello, world\n"));
        fs.write("h", -1, true, b("more\n"));
        assertEquals("hello, world\nmore\n", s(fs.read("h").orElseThrow()));
        fs.write("h", 0, true, b("hello, world\n"));
        assertEquals("hello, world\n", s(fs.read("h").orElseThrow()), "offset 0 truncates even with append");
        fs.write("h", 7, false, b("WORLD"));
        assertEquals("hello, WORLD\n", s(fs.read("h").orElseThrow()), "offset > 0 writes in place");
        fs.write("h", -1, false, b("new"));
        assertEquals("new", s(fs.read("h").orElseThrow()), "no offset, no append truncates");
        assertEquals(WriteResult.OPEN_FAILED, fs.write("nofile.bin", 10, false, b("ABC")));
        assertEquals(WriteResult.SEEK_FAILED, fs.write("h", 4, false, b("x")));
        assertEquals(WriteResult.OK, fs.write("h", 3, false, b("!")));
        assertEquals("new!", s(fs.read("h").orElseThrow()), "offset at the end extends the file");
    }

    @Test void freeSpaceIsSizeMinusFileSizes() {
        fs.write("a", 0, false, new byte[1000]);
        fs.write("b", 0, false, new byte[24]);
        assertEquals(233681 - 3 - 1024, fs.free());
        fs.remove("a");
        assertEquals(233681 - 3 - 24, fs.free());
    }

    @Test void putThatDoesNotFitWritesNothingButKeepsTheTruncation() {
        assertEquals(WriteResult.NO_SPACE, fs.write("big", 0, false, new byte[207_801]), "SPIFFS stops at ~207.8 KB of 233.2 KB free");
        assertEquals(WriteResult.OK, fs.write("big", 0, false, new byte[207_800]));
        assertEquals(0, fs.writable());
        assertEquals(233681 - 3 - 207_800, fs.free(), "the reported free space still shows the overhead");
        assertEquals(WriteResult.NO_SPACE, fs.write("more", -1, true, b("x")));
        assertEquals(0, fs.read("more").orElseThrow().length);
        assertEquals(WriteResult.OK, fs.write("big", 5, false, b("in place")), "overwriting needs no space");
        assertEquals(WriteResult.OK, fs.write("big", 0, false, new byte[10]), "truncation frees the old content");
    }

    @Test void removeAndRenameReportMissingFiles() {
        assertFalse(fs.remove("nope"));
        assertFalse(fs.rename("nope", "x"));
        fs.write("a", 0, false, b("1"));
        fs.write("b", 0, false, b("22"));
        assertTrue(fs.rename("a", "/b"));
        assertEquals(List.of(new Entry("b", 1), new Entry("conf0.json", 3)), fs.list("/"));
    }

    @Test void writesCostFlashTimeWithASectorEraseEvery4096Bytes() {
        long t0 = clock.nanos();
        fs.write("f", 0, false, new byte[512]);
        assertEquals(2_000_000 + 512 * 8_000, clock.nanos() - t0);
        for (int i = 1; i < 7; i++) fs.write("f", -1, true, new byte[512]);
        long t1 = clock.nanos();
        fs.write("f", -1, true, new byte[512]);
        assertEquals(2_000_000 + 512 * 8_000 + 40_000_000, clock.nanos() - t1, "the eighth chunk crosses 4096");
    }

    @Test void persistentFilesSurviveANewInstanceOnTheSameFolder(@TempDir Path dir) {
        FlashFs one = FlashFs.persistent(dir, FlashFs.factoryImage(), clock);
        one.write("caf\u00e9.txt", 0, false, b("ABC"));
        one.write(".hidden", 0, false, b("h"));
        one.write("gone", 0, false, b("g"));
        one.remove("gone");
        one.rename("caf\u00e9.txt", "moved%41");
        FlashFs two = FlashFs.persistent(dir, FlashFs.factoryImage(), clock);
        assertEquals(List.of(new Entry(".hidden", 1), new Entry("conf0.json", 3), new Entry("moved%41", 3)), two.list("/"));
        assertArrayEquals(b("ABC"), two.read("moved%41").orElseThrow());
    }
}
