package dev.sesh.device;

import dev.sesh.SeshException;
import dev.sesh.plan.Change;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DeviceFs against the simulated board: round trips, plans, the temporary name, bad input. */
class DeviceFsTest {
    @TempDir Path dir;
    private final SimLink link = new SimLink();

    @AfterEach void close() { link.close(); }

    private DeviceFs fs() { return link.board().fs(); }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private Path local(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 511, 512, 513, 2047, 2048, 2049, 65536})
    void putThenGetGivesBackTheSameBytes(int size) throws Exception {
        byte[] data = random(size, size);
        DeviceFs.PutResult r = fs().put(local("f.bin", data), "f.bin", false, TransferProgress.NONE);
        assertEquals(size, r.size());
        assertFalse(r.replaced());
        assertEquals(List.of(new FileEntry("f.bin", size)), fs().listLong().stream().filter(e -> e.name().equals("f.bin")).toList());
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertEquals(size, fs().get("f.bin", back, TransferProgress.NONE));
        assertArrayEquals(data, back.toByteArray());
        Path copy = fs().get("f.bin", dir.resolve("copy.bin"), TransferProgress.NONE);
        assertArrayEquals(data, Files.readAllBytes(copy));
    }

    @Test
    void putLeavesNoTemporaryFileBehind() throws Exception {
        fs().put(local("a.txt", random(5000, 1)), "a.txt", true, TransferProgress.NONE);
        assertEquals(List.of("a.txt", "conf0.json"), fs().list().stream().filter(n -> !n.startsWith("conf9")).toList());
        assertTrue(fs().leftovers().isEmpty());
    }

    @Test
    void putOverAnExistingFileReplacesItAndThePlanSaysSo() throws Exception {
        fs().put("x.pem", "old".getBytes(), false);
        fs().put(local("x.pem", "new content".getBytes()), "x.pem", true, TransferProgress.NONE);
        assertArrayEquals("new content".getBytes(), fs().read("x.pem"));
        Change.FileWrite w = (Change.FileWrite) link.plans.get(1).changes().get(0);
        assertEquals(new Change.FileWrite("x.pem", 11, true, w.staging()), w);
        assertTrue(w.staging().startsWith(".sesh-put-"), w.staging());
        assertTrue(link.plans.get(1).title().contains("replaces 3 B"), link.plans.get(1).title());
    }

    @Test
    void progressReachesTheTotalInOrder() throws Exception {
        List<Long> seen = new ArrayList<>();
        fs().put(local("p.bin", random(10_000, 3)), "p.bin", false, (done, total) -> {
            assertEquals(10_000, total);
            seen.add(done);
        });
        assertEquals(10_000L, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) > seen.get(i - 1), seen.toString());
    }

    @Test
    void declinedPutSendsNothing() throws Exception {
        link.approve = false;
        SeshException e = assertThrows(SeshException.class, () -> fs().put(local("d.txt", new byte[10]), "d.txt", false, TransferProgress.NONE));
        assertEquals(3, e.exitCode());
        assertFalse(fs().list().contains("d.txt"));
        assertTrue(fs().leftovers().isEmpty());
    }

    @Test
    void missingLocalFileIsInputErrorBeforeAnyPlan() {
        SeshException e = assertThrows(SeshException.class, () -> fs().put(dir.resolve("nope.pem"), "nope.pem", false, TransferProgress.NONE));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("no such local file"), e.getMessage());
        assertTrue(link.plans.isEmpty());
    }

    @Test
    void nonAsciiRemoteNameIsRefusedBeforeAnythingIsSent() throws Exception {
        Path p = local("cafe.txt", new byte[3]);
        SeshException e = assertThrows(SeshException.class, () -> fs().put(p, "café.txt", false, TransferProgress.NONE));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("U+00E9"), e.getMessage());
        assertTrue(link.plans.isEmpty());
    }

    @Test
    void overLongRemoteNameIsRefusedNaming47Bytes() throws Exception {
        Path p = local("x", new byte[3]);
        SeshException e = assertThrows(SeshException.class, () -> fs().put(p, "a".repeat(48), false, TransferProgress.NONE));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("at most 47"), e.getMessage());
        fs().put(p, "b".repeat(47), false, TransferProgress.NONE);
        assertTrue(fs().list().contains("b".repeat(47)));
        assertEquals(3, fs().read("b".repeat(47)).length);
        fs().remove("b".repeat(47));
    }

    @Test
    void fileThatCannotFitIsRefusedBeforeThePlan() throws Exception {
        Path big = local("big.bin", new byte[215_000]);   // under the 233.2 KB shown free, over SPIFFS's ~207.8 KB
        SeshException e = assertThrows(SeshException.class, () -> fs().put(big, "big.bin", false, TransferProgress.NONE));
        assertEquals(1, e.exitCode());
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        assertTrue(link.plans.isEmpty());
        assertFalse(fs().list().contains("big.bin"));
    }

    @Test
    void getOfAbsentFileIsInputError() {
        SeshException e = assertThrows(SeshException.class, () -> fs().read("absent.txt"));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("no file absent.txt"), e.getMessage());
    }

    @Test
    void failedLocalGetLeavesNoPartFile() {
        assertThrows(SeshException.class, () -> fs().get("absent.txt", dir.resolve("out.txt"), TransferProgress.NONE));
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void removeAndRenameGoThroughTheGate() {
        fs().put("one.txt", "1".getBytes(), false);
        fs().put("two.txt", "22".getBytes(), false);
        fs().rename("one.txt", "two.txt");
        assertArrayEquals("1".getBytes(), fs().read("two.txt"));
        assertFalse(fs().list().contains("one.txt"));
        fs().remove("two.txt");
        assertFalse(fs().list().contains("two.txt"));
        assertInstanceOf(Change.FileRename.class, link.plans.get(2).changes().get(0));
        assertInstanceOf(Change.FileRemove.class, link.plans.get(3).changes().get(0));
        assertEquals(2, assertThrows(SeshException.class, () -> fs().remove("two.txt")).exitCode());
    }

    @Test
    void leftoverOfAnInterruptedPutIsRemovedByTheNextPutInItsPlan() throws Exception {
        link.board().raw("FS.Put", "{\"filename\":\".sesh-put-0badf00d\",\"offset\":0,\"data\":\"AAAA\"}");
        assertEquals(List.of(new FileEntry(".sesh-put-0badf00d", 3)), fs().leftovers());
        DeviceFs.PutResult r = fs().put(local("n.txt", new byte[4]), "n.txt", false, TransferProgress.NONE);
        assertEquals(List.of(".sesh-put-0badf00d"), r.leftoversRemoved());
        assertTrue(link.plans.get(0).changes().contains(new Change.FileRemove(".sesh-put-0badf00d")));
        assertTrue(fs().leftovers().isEmpty());
    }

    @Test
    void targetNamedLikeATemporaryFileIsRefused() throws Exception {
        Path p = local("t", new byte[1]);
        SeshException e = assertThrows(SeshException.class, () -> fs().put(p, FsNames.temp("x"), false, TransferProgress.NONE));
        assertEquals(2, e.exitCode());
        assertTrue(link.plans.isEmpty());
    }

    @Test
    void cancelledGetLeavesNoLocalFile() throws Exception {
        fs().put("big.bin", random(30_000, 2), false);
        Path out = dir.resolve("big.bin");
        List<Throwable> thrown = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                fs().get("big.bin", out, (done, total) -> {
                    if (done >= 4096) Thread.currentThread().interrupt();
                });
            } catch (Throwable e) {
                thrown.add(e);
            }
        });
        t.start();
        t.join(30_000);
        assertEquals(1, thrown.size());
        assertTrue(thrown.get(0).getMessage().contains("cancelled"), thrown.get(0).getMessage());
        assertEquals(0, dir.toFile().list().length, List.of(dir.toFile().list()).toString());
    }

    @Test
    void completionNamesComeFromTheLastListingAndRefreshOnlyWhenStale() throws Exception {
        assertTrue(fs().cachedNames().isEmpty());
        fs().list();
        assertTrue(fs().cachedNames().contains("conf0.json"));
        link.board().raw("FS.Put", "{\"filename\":\"late.txt\",\"offset\":0,\"data\":\"AAAA\"}");
        assertFalse(fs().refreshNamesIfStale(), "a fresh listing is kept");
        link.clock.advance(DeviceFs.NAMES_FRESH.toNanos() + 1);
        assertTrue(fs().refreshNamesIfStale());
        for (int i = 0; i < 500 && !fs().cachedNames().contains("late.txt"); i++) Thread.sleep(10);
        assertTrue(fs().cachedNames().contains("late.txt"), fs().cachedNames().toString());
    }

    @Test
    void temporaryNameFitsTheDeviceLimitAndIsRecognised() {
        String t = FsNames.temp("a".repeat(31));
        assertEquals(18, t.length());
        assertTrue(FsNames.isTemp(t));
        assertFalse(FsNames.isTemp(".sesh-put-notes.txt"));
        assertEquals(t, FsNames.temp("a".repeat(31)));
    }

    @Test
    void cancelledPutRemovesThePartialFileAndKeepsTheOldOne() throws Exception {
        fs().put("keep.bin", "old".getBytes(), false);
        Path p = local("keep.bin", random(40_000, 9));
        List<Throwable> thrown = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                fs().put(p, "keep.bin", false, (done, total) -> {
                    if (done >= 8192) Thread.currentThread().interrupt();
                });
            } catch (Throwable e) {
                thrown.add(e);
            }
        });
        t.start();
        t.join(30_000);
        assertEquals(1, thrown.size());
        assertTrue(thrown.get(0).getMessage().contains("cancelled"), thrown.get(0).getMessage());
        assertArrayEquals("old".getBytes(), fs().read("keep.bin"));
        assertTrue(fs().leftovers().isEmpty());
    }
}
