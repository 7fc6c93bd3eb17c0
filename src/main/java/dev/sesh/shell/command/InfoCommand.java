package dev.sesh.shell.command;

import dev.sesh.device.BoardInfo;
import dev.sesh.shell.Session;
import dev.sesh.shell.format.JsonOut;
import dev.sesh.shell.format.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "info", description = "Show the board's Sys.GetInfo (id, firmware, arch, MAC, uptime, RAM, filesystem)",
        footer = {"", "Examples:", "  info", "  info --json"})
public final class InfoCommand implements Callable<Integer> {
    private final Session session;

    @Option(names = "--json", description = "print the board's JSON instead of a table")
    boolean json;

    public InfoCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        BoardInfo i = session.board().info();
        if (json || session.jsonByDefault()) {
            session.out().print(JsonOut.pretty(i.json()));
        } else {
            session.out().print(table(i));
        }
        session.out().flush();
        return 0;
    }

    /** The info table; also how a BoardInfo prints at the Groovy prompt. */
    public static String table(BoardInfo i) {
        Table t = Table.of("field", "value");
        i.twinOf().ifPresent(of -> t.row("TWIN", "a simulated copy of " + of + "; nothing done here reaches that board"));
        t.row("id", i.id());
        t.row("app", i.app() + " " + i.fwVersion());
        t.row("fw id", i.fwId());
        t.row("mongoose os", i.mgVersion() + " (" + i.mgId() + ")");
        t.row("arch", i.arch());
        t.row("mac", i.mac());
        t.row("uptime", uptime(i.uptime()));
        t.row("ram", kb(i.ramFree()) + " free of " + kb(i.ramSize()) + " (min free " + kb(i.ramMinFree()) + ")");
        t.row("fs", kb(i.fsFree()) + " free of " + kb(i.fsSize()));
        if (i.wifi() != null) {
            BoardInfo.WifiInfo w = i.wifi();
            String sta = w.staIp().isEmpty() ? w.status() : w.status() + " " + w.staIp() + (w.ssid().isEmpty() ? "" : " (" + w.ssid() + ")");
            t.row("wifi", "sta " + sta + (w.apIp().isEmpty() ? "" : ", ap " + w.apIp()));
        }
        return t.render();
    }

    static String kb(long bytes) {
        return bytes < 10_000 ? bytes + " B" : String.format("%.1f KB", bytes / 1024.0);
    }

    static String uptime(long s) {
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
