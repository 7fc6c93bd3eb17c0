package dev.sesh.shell.command.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Config key completion offers one level of the dotted key at a time. */
class ConfigKeyCandidatesTest {
    private static final List<String> KEYS = List.of("wifi.ap.enable", "wifi.ap.ssid", "wifi.sta.ssid", "wifi.sta_rssi_thr",
            "http.listen_addr", "http.ssl_cert", "i2c.enable", "i2c1.enable");

    @Test
    void emptyWordOffersTheTopLevelGroups() {
        assertEquals(List.of("wifi.", "http.", "i2c.", "i2c1."), ConfigKeyCandidates.level(KEYS, "", ""));
    }

    @Test
    void partialGroupNameOffersTheGroupWithItsDot() {
        assertEquals(List.of("wifi."), ConfigKeyCandidates.level(KEYS, "wi", ""));
        assertEquals(List.of("i2c.", "i2c1."), ConfigKeyCandidates.level(KEYS, "i2c", ""));
    }

    @Test
    void afterADotTheNextLevelsGroupsAndKeysAreOffered() {
        assertEquals(List.of("wifi.ap.", "wifi.sta.", "wifi.sta_rssi_thr"), ConfigKeyCandidates.level(KEYS, "wifi.", ""));
        assertEquals(List.of("wifi.sta.", "wifi.sta_rssi_thr"), ConfigKeyCandidates.level(KEYS, "wifi.st", ""));
        assertEquals(List.of("wifi.ap.enable", "wifi.ap.ssid"), ConfigKeyCandidates.level(KEYS, "wifi.ap.", ""));
    }

    @Test
    void setOffersKeysEndingInEquals() {
        assertEquals(List.of("http.listen_addr=", "http.ssl_cert="), ConfigKeyCandidates.level(KEYS, "http.", "="));
    }
}
