package dev.sesh.sim.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.sim.MemoryConfig;
import dev.sesh.sim.fs.FlashFs;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsServiceTest {
    final VirtualClock flashClock = new VirtualClock();
    final FlashFs fs = FlashFs.inMemory(FlashFs.factoryImage(), flashClock);
    final FsService files = new FsService(fs);
    final ServiceHarness h = new ServiceHarness(new MemoryConfig(), files).boot(files);

    static String b64(byte[] b) { return Base64.getEncoder().encodeToString(b); }

    @Test void registersTheNineMethodsInFirmwareOrder() {
        assertEquals(List.of("FS.List", "FS.ListExt", "FS.Get", "FS.Put", "FS.Remove", "FS.Rename", "FS.Mkfs", "FS.Mount", "FS.Umount"),
                h.methods.stream().map(SimMethod::name).toList());
    }

    @Test void getInfoFiguresFollowTheFiles() {
        assertEquals(233681, files.size());
        h.call("FS.Put", "{\"filename\":\"a\",\"data\":\"" + b64(new byte[100]) + "\"}");
        assertEquals(233681 - 3 - 100, files.free());
    }

    @Test void putThatDoesNotFitFailsWithTheWriteError() {
        h.call("FS.Put", "{\"filename\":\"big\",\"data\":\"" + b64(new byte[207_803 - 3 - 2]) + "\"}");
        h.log.clear();
        assertEquals("500 failed to write data", h.call("FS.Put", "{\"filename\":\"x\",\"data\":\"QUJD\"}"));
        assertEquals(List.of("mgos_service_fs.c:248 Receiving x"), h.log, "the file was opened before the write failed");
        assertEquals("[{\"name\": \"big\", \"size\": 207798},{\"name\": \"conf0.json\", \"size\": 3},{\"name\": \"x\", \"size\": 0}]",
                h.call("FS.ListExt", "{}"));
    }

    @Test void fortySevenCharactersWorkAndFortyEightCannotBeOpened() {
        assertEquals("null", h.call("FS.Put", "{\"filename\":\"/" + "k".repeat(47) + "\",\"data\":\"QUJD\"}"));
        h.log.clear();
        assertEquals("500 rename failed", h.call("FS.Rename", "{\"src\":\"" + "k".repeat(47) + "\",\"dst\":\"" + "k".repeat(48) + "\"}"));
        h.log.clear();
        String name = "/" + "n".repeat(48);
        assertEquals("400 failed to open file \"" + name + "\"", h.call("FS.Put", "{\"filename\":\"" + name + "\",\"data\":\"QUJD\"}"));
        assertEquals("400 failed to open file \"" + name + "\"", h.call("FS.Get", "{\"filename\":\"" + name + "\"}"));
        assertEquals(List.of(), h.log);
    }

    @Test void offsetPastTheEndCannotBeSought() {
        h.call("FS.Put", "{\"filename\":\"f\",\"data\":\"QUJD\"}");
        assertEquals("400 failed to seek to 9", h.call("FS.Put", "{\"filename\":\"f\",\"offset\":9,\"data\":\"QUJD\"}"));
    }

    @Test void appendChunksLogNothingAndCostFlashTime() {
        long t0 = flashClock.nanos();
        h.call("FS.Put", "{\"filename\":\"f\",\"offset\":0,\"append\":false,\"data\":\"" + b64(new byte[512]) + "\"}");
        h.call("FS.Put", "{\"filename\":\"f\",\"offset\":512,\"append\":true,\"data\":\"" + b64(new byte[512]) + "\"}");
        assertEquals(List.of("mgos_service_fs.c:248 Receiving f"), h.log);
        assertEquals(2 * (2_000_000 + 512 * 8_000), flashClock.nanos() - t0);
    }

    @Test void sameNameWithAndWithoutSlashes() {
        h.call("FS.Put", "{\"filename\":\"//x\",\"data\":\"QUJD\"}");
        assertEquals("{\"data\": \"QUJD\", \"left\": 0}", h.call("FS.Get", "{\"filename\":\"x\"}"));
        assertEquals("[\"conf0.json\",\"x\"]", h.call("FS.List", "{\"path\":\"/\"}"));
    }

    @Test void mkfsAndMountNameTheMissingDevice() {
        assertEquals("500 mkfs failed", h.call("FS.Mkfs", "{\"dev_type\":\"spi_flash\",\"fs_type\":\"SPIFFS\"}"));
        assertEquals("500 mount failed", h.call("FS.Mount", "{\"path\":\"/b\",\"dev_name\":\"ext\",\"fs_type\":\"LFS\"}"));
        assertEquals(List.of("E shim_vfs.c:127 Unknown device type spi_flash", "E shim_vfs.c:95 No such device 'ext'"), h.log);
        assertEquals("500 umount failed", h.call("FS.Umount", "{\"path\":\"/\"}"));
    }

    @Test void simPathFilesAndSavedConfigSurviveARestart(@TempDir Path dir) {
        FlashFs fs1 = FlashFs.persistent(dir, FlashFs.factoryImage(), flashClock);
        ConfigService cfg1 = new ConfigService(fs1);
        FsService files1 = new FsService(fs1);
        ServiceHarness one = new ServiceHarness(cfg1, files1).boot(cfg1, files1);
        one.call("FS.Put", "{\"filename\":\"ca.pem\",\"data\":\"QUJD\"}");
        one.call("Config.Set", "{\"config\":{\"sys\":{\"atca\":{\"enable\":true}}},\"save\":true}");

        FlashFs fs2 = FlashFs.persistent(dir, FlashFs.factoryImage(), flashClock);
        ConfigService cfg2 = new ConfigService(fs2);
        FsService files2 = new FsService(fs2);
        ServiceHarness two = new ServiceHarness(cfg2, files2).boot(cfg2, files2);
        assertEquals("[\"ca.pem\",\"conf0.json\",\"conf9.json\"]", two.call("FS.List", "{}"));
        assertEquals("true", two.call("Config.Get", "{\"key\":\"sys.atca.enable\"}"));
        assertEquals(true, cfg2.bootView().bool("sys.atca.enable"));
    }
}
