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

    /**
     * The one decoder behind config strings and RPC args (DeviceArgs), as mos-rpc.md 1.3 states and
     * the captures config_set_u00e9 / config_set_u20ac / fs_put_u20ac_name show: \\u00XX is one byte,
     * any other \\u escape (malformed hex included) or an unknown escape makes the whole string
     * invalid; the document around it still parses, and the four characters after backslash-u never
     * end the string.
     */
    @Test void malformedUnicodeEscapesInvalidateTheStringOnlyAndBothReadersAgree() throws Exception {
        String[][] cases = {
                {"caf\\u00e9", "caf\u00e9"}, {"\\u00E9", "\u00e9"}, {"a\\u0041b", "aAb"}, {"\\n\\t\\/", "\n\t/"},
                {"\\u20ac", null}, {"\\u00zz", null}, {"\\u0g41", null}, {"\\x41", null}, {"a\\u00\\\"}x", null},
        };
        for (String[] c : cases) {
            assertEquals(c[1], ConfigJson.unescape(c[0]), c[0]);
            assertEquals(c[1] == null ? new Str("", false) : new Str(c[1], true), ConfigJson.parse("\"" + c[0] + "\""), c[0]);
            Obj doc = (Obj) ConfigJson.parse("{\"k\": \"" + c[0] + "\", \"n\": 1}");
            assertEquals(new Member("n", new Num("1")), doc.members().get(1), "the document goes on after " + c[0]);
            assertEquals(java.util.Optional.ofNullable(c[1]),
                    dev.sesh.sim.service.DeviceArgs.parse("{\"k\": \"" + c[0] + "\"}").string("k"), "DeviceArgs reads " + c[0] + " the same");
        }
    }

    @Test void unreadableTextIsInvalidJson() {
        assertThrows(ConfigJson.InvalidJson.class, () -> ConfigJson.parse("{\"a\":"));
        assertThrows(ConfigJson.InvalidJson.class, () -> ConfigJson.parse("nope"));
    }
}
