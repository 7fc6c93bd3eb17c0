package dev.sesh.sim;

import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Hex;
import dev.sesh.bytes.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ATECC on a whole simulated board: raw packets through I2C.*, and the ATCA.* service after enabling it. */
class SimBoardAtcaTest {
    private final VirtualClock clock = new VirtualClock();
    private int id;

    private SimBoard open(Optional<Path> folder) {
        SimBoard b = SimFirmware.open(new SimOptions(folder, Variant.ATECC508A, 0, FaultSpec.none(), SimOptions.DEFAULT_SEED), clock);
        b.powerOn();
        run(b);
        return b;
    }

    private void run(SimBoard b) {
        while (b.nextEventAt() != Long.MAX_VALUE) {
            long next = b.nextEventAt();
            if (next > clock.nanos()) clock.advance(next - clock.nanos());
            b.poll();
        }
    }

    /** One newline-framed request; returns what the board wrote until it went quiet. */
    private String call(SimBoard b, String method, String params) {
        b.takeOutput();
        b.receive(("{\"id\":" + ++id + ",\"method\":\"" + method + "\",\"params\":" + params + "}\n").getBytes(StandardCharsets.ISO_8859_1));
        run(b);
        return new String(b.takeOutput(), StandardCharsets.ISO_8859_1);
    }

    /** Wake, command group, then poll I2C.Read until the chip answers; returns the answer's hex. */
    private String chipCommand(SimBoard b, String groupHex, int len) {
        call(b, "I2C.Write", "{\"addr\":0,\"data_hex\":\"\"}");
        // An unpaced (baud 0) link answers in microseconds; a host waits tWHI itself.
        clock.advanceMillis(2);
        String w = call(b, "I2C.Read", "{\"addr\":96,\"len\":4}");
        assertTrue(w.contains("04113343"), w);
        assertTrue(call(b, "I2C.Write", "{\"addr\":96,\"data_hex\":\"03" + groupHex + "\"}").contains("\"result\":null"));
        for (int i = 0; i < 50; i++) {
            clock.advanceMillis(2);
            String r = call(b, "I2C.Read", "{\"addr\":96,\"len\":" + len + "}");
            if (r.contains("data_hex")) {
                call(b, "I2C.Write", "{\"addr\":96,\"data_hex\":\"02\"}");
                return r.substring(r.indexOf("\"data_hex\": \"") + 13, r.indexOf("\"}}"));
            }
        }
        throw new AssertionError("the chip never answered");
    }

    @Test void rawLockThroughI2cPersistsInTheBoardFolder(@TempDir Path dir) {
        SimBoard b = open(Optional.of(dir));
        assertEquals("04000340", chipCommand(b, "071780000039 8d".replace(" ", ""), 4));
        SimBoard again = open(Optional.of(dir));
        String word = chipCommand(again, "0702001500175d", 7);
        assertEquals("00", word.substring(8, 10), "LockConfig (config byte 87) after reopening: " + word);
    }

    @Test void enablingSysAtcaRegistersTheServiceAfterTheReboot() {
        SimBoard b = open(Optional.empty());
        String none = call(b, "ATCA.GetConfig", "{}");
        assertTrue(none.contains("No handler for ATCA.GetConfig"), none);
        String boot = call(b, "Config.Set", "{\"config\":{\"sys\":{\"atca\":{\"enable\":true}}},\"save\":true,\"reboot\":true}");
        assertTrue(boot.matches("(?s).*ATECC508A @ 0/0x60: rev 0x5000 S/N 0x123[0-9a-f]+ee, zone lock status: no, no; ECDH slots: 0x0c\n.*"), boot);
        String list = call(b, "RPC.List", "{}");
        assertTrue(list.contains("[\"ATCA.AES\",\"ATCA.Sign\",\"ATCA.GetPubKey\",\"ATCA.GenKey\",\"ATCA.SetKey\",\"ATCA.LockZone\",\"ATCA.SetConfig\",\"ATCA.GetConfig\",\"I2C.WriteRegW\""), list);
        String cfg = call(b, "ATCA.GetConfig", "{}");
        int at = cfg.indexOf("\"config\": \"") + 11;
        byte[] config = Base64.getDecoder().decode(cfg.substring(at, cfg.indexOf('"', at)));
        assertEquals(128, config.length);
        assertEquals("0123", Hex.of(config, 0, 2));
    }

    /** The chip serial the boot line names once ATCA is enabled. */
    private String chipSerial(SimBoard b) {
        String boot = call(b, "Config.Set", "{\"config\":{\"sys\":{\"atca\":{\"enable\":true}}},\"save\":true,\"reboot\":true}");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("S/N 0x([0-9a-f]+ee),").matcher(boot);
        assertTrue(m.find(), boot);
        return m.group(1);
    }

    @Test void everySimulatedBoardHasItsOwnChipSerialAndAFolderBoardKeepsIt(@TempDir Path dir) {
        String first = chipSerial(open(Optional.empty()));
        String second = chipSerial(open(Optional.empty()));
        assertTrue(!first.equals(second), "two boards, one serial: " + first);
        String kept = chipSerial(open(Optional.of(dir)));
        SimBoard again = open(Optional.of(dir));                 // sys.atca.enable was saved: the boot names the chip
        String boot = new String(again.takeOutput(), StandardCharsets.ISO_8859_1);
        assertTrue(boot.contains("S/N 0x" + kept), "the folder board's chip changed serial:\n" + boot);
    }
}
