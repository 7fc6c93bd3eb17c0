package dev.sesh.rpc;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeoutsTest {

    @Test
    void classifiesMethodsByTable() {
        assertEquals(Duration.ofSeconds(5), Timeouts.DEFAULTS.timeout("Sys.GetInfo", null));
        assertEquals(Duration.ofSeconds(5), Timeouts.DEFAULTS.timeout("RPC.List", null));
        assertEquals(Duration.ofSeconds(10), Timeouts.DEFAULTS.timeout("Config.Set", "{\"config\":{}}"));
        assertEquals(Duration.ofSeconds(10), Timeouts.DEFAULTS.timeout("FS.Put", "{}"));
        assertEquals(Duration.ofSeconds(15), Timeouts.DEFAULTS.timeout("ATCA.GenKey", "{\"slot\":0}"));
        assertEquals(Duration.ofSeconds(15), Timeouts.DEFAULTS.timeout("I2C.Scan", null));
        assertEquals(Duration.ofSeconds(10), Timeouts.DEFAULTS.timeout("App.Custom", null));
    }

    @Test
    void treatsRebootingCallsAsRebootClass() {
        assertEquals(Timeouts.MethodClass.REBOOT, Timeouts.classify("Sys.Reboot", null));
        assertEquals(Timeouts.MethodClass.REBOOT, Timeouts.classify("Config.Set", "{\"config\":{},\"save\":true,\"reboot\": true}"));
        assertEquals(Timeouts.MethodClass.CONFIG, Timeouts.classify("Config.Save", "{\"reboot\":false}"));
    }

    @Test
    void globalTimeoutReplacesEveryEntry() {
        Timeouts t = Timeouts.overriddenBy(Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(2), t.timeout("ATCA.GenKey", null));
        assertEquals(Duration.ofSeconds(2), t.timeout("Sys.GetInfo", null));
    }

    @Test
    void onlyReadingMethodsAreIdempotent() {
        for (String m : new String[]{"Sys.GetInfo", "RPC.Describe", "Config.Get", "FS.Get", "FS.ListExt", "I2C.ReadRegB", "ATCA.GetConfig", "atca.getpubkey"}) {
            assertTrue(Timeouts.idempotent(m), m);
        }
        for (String m : new String[]{"Config.Set", "FS.Put", "FS.Remove", "I2C.Write", "ATCA.GenKey", "ATCA.LockZone", "Sys.Reboot"}) {
            assertFalse(Timeouts.idempotent(m), m);
        }
    }
}
