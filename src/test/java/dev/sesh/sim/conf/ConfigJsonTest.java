package dev.sesh.sim.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sesh.sim.conf.ConfigJson.Member;
import dev.sesh.sim.conf.ConfigJson.Num;
import dev.sesh.sim.conf.ConfigJson.Obj;
import dev.sesh.sim.conf.ConfigJson.Str;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {
    @Test void acceptsMissingAndTrailingCommasAndBareKeys() throws Exception {
        assertEquals(new Obj(List.of(new Member("a", new Num("1")), new Member("b", new Num("0x1F")))),
                ConfigJson.parse("{\"a\":1 b:0x1F,}"));
    }

    @Test void u00EscapeIsOneByteAndOtherUnicodeEscapesInvalidateOnlyTheString() throws Exception {
        assertEquals(new Str("caf\u00e9", true), ConfigJson.parse("\"caf\\u00e9\""));
        assertEquals(new Str("", false), ConfigJson.parse("\"\\u20ac\""));
    }

    @Test void unreadableTextIsInvalidJson() {
        assertThrows(ConfigJson.InvalidJson.class, () -> ConfigJson.parse("{\"a\":"));
        assertThrows(ConfigJson.InvalidJson.class, () -> ConfigJson.parse("nope"));
    }
}
