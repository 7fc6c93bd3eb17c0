package dev.sesh.shell.format;

import dev.sesh.bytes.Bytes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatGoldenTest {
    @Test
    void i2cGridMatchesI2cdetectLayout() {
        Set<Integer> found = Set.of(0x48, 0x50, 0x60);
        assertEquals(Golden.read("i2c-scan-48-50-60.txt"), I2cGrid.render(found) + I2cGrid.summary(found) + "\n");
    }

    @Test
    void i2cGridLeavesReservedAddressesOut() {
        String grid = I2cGrid.render(Set.of(0x03, 0x7a));
        assertFalse(grid.contains(" 03"), grid);
        assertFalse(grid.contains("7a"), grid);
        assertTrue(grid.endsWith("70: -- -- -- -- -- -- -- --\n"), grid);
    }

    @Test
    void i2cSummaryCountsOneDeviceAndNone() {
        assertEquals("1 device: 0x60 (ATECC508A/608A?)", I2cGrid.summary(List.of(0x60)));
        assertEquals("no devices", I2cGrid.summary(List.of()));
        assertEquals("1 device: 0x21", I2cGrid.summary(List.of(0x21)));
    }

    @Test
    void hexDumpShowsOffsetBytesAndAscii() {
        Bytes data = Bytes.ofHex("012352aa00005000d1bbf378eec00100").concat(Bytes.ofInts('s', 'e', 's', 'h', 0x7f));
        assertEquals(Golden.read("hexdump-21-bytes.txt"), HexDump.of(data));
    }

    @Test
    void hexDumpWidensTheOffsetForLargeAddresses() {
        assertEquals("010000  ab                                                |.|\n", HexDump.of(Bytes.ofInts(0xab), 0x10000));
        assertEquals("", HexDump.of(Bytes.EMPTY));
    }

    @Test
    void tableAlignsColumnsUnderTheHeader() {
        String text = Table.of("slot", "size", "key", "lock")
                .row(0, 36, "P256 ECC", "-")
                .row(8, 416, "data", "locked")
                .row(15, 72, "", "-")
                .alignRight(1)
                .render();
        assertEquals("""
                slot  size  key       lock
                0       36  P256 ECC  -
                8      416  data      locked
                15      72            -
                """, text);
    }

    @Test
    void tableRefusesRowsOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> Table.of("a", "b").row(1));
    }

    @Test
    void noColorMeansNoEscapeCodes() {
        Style noColor = Style.of(true, Map.of("NO_COLOR", "1"));
        assertFalse(noColor.colors());
        assertFalse(Table.of("a").row(1).render(noColor).contains("\u001b"));
        assertFalse(Style.of(false, Map.of()).colors(), "not a terminal");
        Style color = Style.of(true, Map.of("NO_COLOR", ""));
        assertTrue(color.colors(), "an empty NO_COLOR does not count");
        assertEquals("\u001b[1ma\u001b[0m\n1\n", Table.of("a").row(1).render(color));
    }

    record Slot(int slot, Bytes pub, List<String> flags) {}

    @Test
    void jsonOutPrintsOneIndentedValue() {
        assertEquals("""
                {
                  "slot": 0,
                  "pub": "04ab",
                  "flags": [
                    "private",
                    "secret"
                  ]
                }
                """, JsonOut.of(new Slot(0, Bytes.ofHex("04ab"), List.of("private", "secret"))));
    }

    record Entry(Optional<String> chip, Optional<Integer> slot, Instant at, Duration took) {}

    @Test
    void jsonOutMapsOptionalsAndTimes() {
        assertEquals("""
                {
                  "chip": "ATECC508A",
                  "slot": null,
                  "at": "2026-11-25T01:02:03Z",
                  "took": "PT1.2S"
                }
                """, JsonOut.of(new Entry(Optional.of("ATECC508A"), Optional.empty(),
                Instant.parse("2026-11-25T01:02:03Z"), Duration.ofMillis(1200))));
    }

    @Test
    void jsonOutReindentsRpcResults() {
        assertEquals("{\n  \"a\": [\n    1\n  ]\n}\n", JsonOut.pretty("{\"a\":[1]}"));
        assertEquals(2, assertThrows(dev.sesh.SeshException.class, () -> JsonOut.pretty("{")).exitCode());
    }
}
