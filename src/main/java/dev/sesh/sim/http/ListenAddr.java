package dev.sesh.sim.http;

import java.util.OptionalInt;

/** The device port in {@code http.listen_addr}: {@code 80}, {@code :443}, {@code 0.0.0.0:443}, {@code tcp://:443}. */
final class ListenAddr {
    private ListenAddr() {}

    /** The port, or empty if the text names none in 1..65535. */
    static OptionalInt port(String listenAddr) {
        String t = listenAddr.trim();
        int colon = t.lastIndexOf(':');
        String digits = colon >= 0 ? t.substring(colon + 1) : t;
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) return OptionalInt.empty();
        int p = Integer.parseInt(digits);
        return p >= 1 && p <= 65535 ? OptionalInt.of(p) : OptionalInt.empty();
    }
}
