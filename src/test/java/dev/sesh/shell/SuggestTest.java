package dev.sesh.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestTest {
    private static final List<String> NAMES = List.of("call", "connect", "disconnect", "info", "ports", "reboot", "rpc", "status");

    @Test
    void typoFindsTheCommand() {
        assertEquals(List.of("info"), Suggest.closest("inof", NAMES));
        assertEquals("status", Suggest.closest("stauts", NAMES).get(0));
    }

    @Test
    void prefixFindsTheCommand() {
        assertEquals(List.of("connect"), Suggest.closest("conn", NAMES));
    }

    @Test
    void nothingCloseGivesNothing() {
        assertEquals(List.of(), Suggest.closest("zzzzzz", NAMES));
    }
}
