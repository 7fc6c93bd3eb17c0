package dev.sesh.shell.command.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.Atecc;
import dev.sesh.atca.config.ConfigCodec;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.bytes.Bytes;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;

import java.util.List;

/** What the atca commands share: the session's chip, JSON printing, file and number parsing. */
final class AtcaCli {
    private AtcaCli() {}

    static Atecc atca(Session session) { return session.atca(); }

    static boolean json(Session session, boolean flag) { return flag || session.jsonByDefault(); }

    static void printJson(Session session, Object value) {
        session.out().print(JsonOut.of(value));
        session.out().flush();
    }

    /** One result line on stdout. */
    static void result(Session session, String line) {
        session.out().println(line);
        session.out().flush();
    }

    /** A message on stderr (design.md 5.1). */
    static void note(Session session, String line) {
        session.err().println(line);
        session.err().flush();
    }

    /** A config zone from {@code file}: mos's format by extension (.yaml/.yml, .json, else hex). Bad input is exit 2. */
    static ConfigZone readConfig(String file) { return ConfigCodec.readFile(file); }

    /** A number written as decimal or 0x-hex. */
    static int number(String text, String what) {
        try {
            String t = text.trim().toLowerCase(java.util.Locale.ROOT);
            return t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw SeshException.badArg(what + " '" + text + "' is not a number", "write it as decimal or 0x-hex, e.g. 4 or 0x04");
        }
    }

    /** Hex bytes given as one or several words ("de ad", "dead", "0xdead"). */
    static Bytes hexBytes(List<String> words, String what) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            String t = w.trim();
            if (t.startsWith("0x") || t.startsWith("0X")) t = t.substring(2);
            sb.append(t);
        }
        String hex = sb.toString();
        if (!hex.matches("[0-9a-fA-F]*") || hex.length() % 2 != 0) {
            throw SeshException.badArg(what + " is not whole hex bytes", "write bytes as hex pairs, e.g. 00 11 22 or 001122");
        }
        return Bytes.ofHex(hex);
    }
}
