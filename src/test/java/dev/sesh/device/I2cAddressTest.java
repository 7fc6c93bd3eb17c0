package dev.sesh.device;

import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How typed addresses, registers, values, lengths and data are read. */
class I2cAddressTest {
    @Test void hexAndDecimalNameTheSameAddress() {
        assertEquals(0x60, I2cAddress.parse("0x60").value());
        assertEquals(0x60, I2cAddress.parse("0X60").value());
        assertEquals(0x60, I2cAddress.parse("96").value());
        assertEquals(Optional.empty(), I2cAddress.parse("96").warning());
        assertEquals(0x08, I2cAddress.parse("8").value());
        assertEquals(0x77, I2cAddress.parse("0x77").value());
    }

    @Test void evenEightBitFormIsHalvedWithAWarning() {
        I2cAddress a = I2cAddress.parse("0xc0");
        assertEquals(0x60, a.value());
        assertTrue(a.eightBit());
        assertEquals("warning: 0xc0 is the 8-bit form (address << 1); using the 7-bit address 0x60", a.warning().orElseThrow());
        assertEquals(0x40, I2cAddress.parse("0x80").value());
        assertEquals(0x77, I2cAddress.parse("0xee").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "0x78", "0x7f", "0xc1", "0xf0", "0xfe", "0x100", "-1", "sixty", "0x", ""})
    void otherAddressesAreRefusedWithExit2(String text) {
        SeshException e = assertThrows(SeshException.class, () -> I2cAddress.parse(text));
        assertEquals(SeshException.USAGE, e.exitCode());
        assertTrue(e.hint().contains("0x08-0x77"), e.hint());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test void refusalNamesTheAddressAsTypedAndInHex() {
        assertEquals("I2C address 0x78 is out of range", assertThrows(SeshException.class, () -> I2cAddress.parse("0x78")).getMessage());
        assertEquals("I2C address 300 (0x12c) is out of range", assertThrows(SeshException.class, () -> I2cAddress.parse("300")).getMessage());
    }

    @Test void dataTakesHexWordsOrOneString() {
        assertEquals("deadbeef", I2cArgs.data(List.of("de", "ad", "be", "ef")).hex());
        assertEquals("deadbeef", I2cArgs.data(List.of("deadbeef")).hex());
        assertEquals("deadbeef", I2cArgs.data(List.of("0xde", "0xAD", "BE:EF")).hex());
    }

    @Test void badDataIsRefused() {
        for (List<String> bad : List.of(List.of("abc"), List.of("de", "a"), List.of("xy"), List.of(""))) {
            SeshException e = assertThrows(SeshException.class, () -> I2cArgs.data(bad), bad.toString());
            assertEquals(SeshException.USAGE, e.exitCode());
        }
    }

    @Test void registerValueAndLengthRanges() {
        assertEquals(0xff, I2cArgs.register("0xff"));
        assertEquals(255, I2cArgs.value("255", RegWidth.BYTE));
        assertEquals(0xffff, I2cArgs.value("0xffff", RegWidth.WORD));
        assertEquals(4096, I2cArgs.length("4096"));
        assertEquals(1, I2cArgs.length("1"));
        for (Runnable r : List.<Runnable>of(() -> I2cArgs.register("256"), () -> I2cArgs.value("256", RegWidth.BYTE),
                () -> I2cArgs.value("0x10000", RegWidth.WORD), () -> I2cArgs.length("0"), () -> I2cArgs.length("4097"),
                () -> RegWidth.parse("x"))) {
            assertEquals(SeshException.USAGE, assertThrows(SeshException.class, r::run).exitCode());
        }
        assertEquals(RegWidth.WORD, RegWidth.parse("W"));
    }
}
