package dev.sesh.shell;

import dev.sesh.device.Board;
import dev.sesh.device.BoardConnector;
import dev.sesh.device.SerialPortEntry;
import groovy.lang.GroovyShell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Console commands as the Groovy calls {@code record} writes (issue 19); each one also parses as Groovy. */
class GroovyTranslationTest {
    private static final SeshSystemRegistry REGISTRY = new SeshSystemRegistry(new Session(new BoardConnector() {
        @Override public Board open(String port) { throw new AssertionError("no board is opened to translate"); }
        @Override public List<SerialPortEntry> ports() { return List.of(); }
    }, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), new ErrorReporter(false), false));

    private static final GroovyShell GROOVY = new GroovyShell();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            info                                              | println board.info()
            reboot --delay 500                                | board.reboot(500, true)
            call Config.Get {"key":"device.id"}               | println board.call('Config.Get', '{"key":"device.id"}')
            i2c scan                                          | println i2c.scan().collect { hex(it) }
            i2c write 0x50 00 41 42                           | i2c.write(0x50, '00 41 42')
            i2c set 0x48 1 0 b                                | i2c.writeReg(0x48, 1, 0, 'b')
            atca config set atca-aws-test.yaml                | atca.setConfig('atca-aws-test.yaml')
            atca lock config                                  | atca.lockConfig()
            atca lock data                                    | atca.lockData()
            atca lock slot 3                                  | atca.lockSlot(3)
            atca key set 4 slot4.key                          | x509.importKey(atca, 4, 'slot4.key')
            atca key set 0 ecc.key.pem --write-key slot4.key --cert ecc.crt.pem | x509.importKey(writeKey: 'slot4.key', cert: 'ecc.crt.pem', atca, 0, 'ecc.key.pem')
            atca key gen 2                                    | println atca.keys.generate(2)
            atca write 10 00 01 02 03                         | atca.write(10, bytes('00 01 02 03'))
            atca cert selfsign 0 chip.crt.pem --subject CN=x --days 30 | x509.selfsignOnChip(subject: 'CN=x', days: 30, atca, 0, 'chip.crt.pem')
            fs put lab/ecc.crt.pem                            | fs.put('ecc.crt.pem', new File('lab/ecc.crt.pem'))
            fs put a.txt b.txt --verify                       | fs.put('b.txt', new File('a.txt').bytes, true)
            fs rm old.pem                                     | fs.remove('old.pem')
            fs mv a.txt b.txt                                 | fs.rename('a.txt', 'b.txt')
            config set http.listen_addr=:443 http.ssl_key=ATCA:0 | config.set(['http.listen_addr': ':443', 'http.ssl_key': 'ATCA:0'], true)
            config set debug.level=3 --no-reboot              | config.set(['debug.level': '3'], false)
            x509 selfsign k.pem c.pem --subject CN=a --days 9 --san IP:127.0.0.1 | x509.selfsign(subject: 'CN=a', days: 9, san: 'IP:127.0.0.1', 'k.pem', 'c.pem')
            x509 keygen new.key.pem                           | x509.keygen('new.key.pem')
            """)
    void commandBecomesItsApiCall(String line, String groovy) {
        Optional<String> got = new GroovyTranslation(REGISTRY.commandLine()).of(REGISTRY.split(line.strip()));
        assertEquals(Optional.of(groovy.strip()), got);
        GROOVY.parse(got.get());                     // a syntax error would throw here
    }

    @ParameterizedTest
    @CsvSource({"help", "history", "trace on", "status", "log -n 5"})
    void consoleOnlyCommandsHaveNoCall(String line) {
        assertEquals(Optional.empty(), new GroovyTranslation(REGISTRY.commandLine()).of(REGISTRY.split(line)));
    }
}
