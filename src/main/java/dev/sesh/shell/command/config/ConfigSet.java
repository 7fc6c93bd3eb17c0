package dev.sesh.shell.command.config;

import dev.sesh.SeshException;
import dev.sesh.device.ConfigSetResult;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "set", description = "Set config keys, save, and reboot the board so every subsystem reads them (Config.Set)",
        footer = {"", "Values are typed from the board's current value: true/false, integers (0x hex too), text.",
                "Keys the board does not have are refused (the board itself would ignore them).",
                "Combinations that would stop the board booting are fixed or refused before anything is sent:",
                "sys.atca.enable=true adds i2c.enable=true (without it the firmware restarts every 0.5 s);",
                "rpc.uart.uart_no and rpc.uart.baud_rate are refused over the RPC UART (the link would be cut).",
                "", "Examples:", "  config set http.listen_addr=:443 http.ssl_cert=ecc.crt.pem http.ssl_key=ATCA:0",
                "  config set debug.level=3 --no-reboot"})
public final class ConfigSet implements Callable<Integer> {
    private final Session session;
    @Parameters(arity = "1..*", paramLabel = "KEY=VALUE", completionCandidates = ConfigKeyCandidates.Assignments.class) List<String> assignments;
    @Option(names = "--no-reboot", description = "save only; most subsystems read their keys at the next boot") boolean noReboot;

    public ConfigSet(Session session) { this.session = session; }

    @Override public Integer call() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw SeshException.badArg("missing value for \"" + a + "\"", "write KEY=VALUE, e.g. http.listen_addr=:443 (KEY= sets an empty string)");
            String key = a.substring(0, eq);
            if (values.containsKey(key)) throw SeshException.badArg(key + " is given twice", "give each key once");
            values.put(key, a.substring(eq + 1));
        }
        ConfigSetResult r = session.board().config().set(values, !noReboot);
        if (r.changed().isEmpty()) {
            session.err().println("nothing to change: the board already has " + (values.size() == 1 ? "this value" : "these values"));
        } else if (r.rebooted()) {
            session.err().printf(Locale.ROOT, "saved; board back after %.1f s%n", r.backAfter().get().toMillis() / 1000.0);
        } else {
            session.err().println((r.saved() ? "saved " : "set (not saved) ") + String.join(", ", r.changed()) + "; reboot for them to take effect everywhere");
        }
        session.err().flush();
        return 0;
    }
}
