// Dump a 24C02-style EEPROM (256 bytes) from the board's I2C bus, without writing anything,
// and optionally save it to a local file.
//
//   sesh --port /dev/ttyUSB0 run scripts/examples/eeprom-dump.groovy            # 0x50
//   sesh --port sim: scripts/examples/eeprom-dump.groovy 0x50 eeprom.bin
int addr = args.size() > 0 ? Integer.decode(args[0]) : 0x50
def found = i2c.scan()
if (!found.contains(addr)) {
    throw SeshException.failed("nothing answers at ${hex(addr)} (found: ${found.collect { hex(it) }.join(', ') ?: 'nothing'})",
            'check the wiring and i2c.enable, or give the address: eeprom-dump.groovy 0x51')
}

// Reading register 0xff leaves the memory's address pointer at 0x00 (a 24C02 wraps at 256), so
// one sequential read then returns all of it: 2 round trips instead of 256 (i2c dump ADDR).
int last = i2c.readReg(addr, 0xff, 'b')
Bytes data = i2c.read(addr, 256)
if (data.get(255) != last) {
    throw SeshException.failed("${hex(addr)} did not wrap at 256 bytes: not a 24C02-style memory",
            "use the command i2c dump ${hex(addr)}, which reads each register on its own")
}

for (int off = 0; off < 256; off += 16) {
    def row = (off..<off + 16).collect { String.format('%02x', data.get(it)) }.join(' ')
    def text = (off..<off + 16).collect { int b = data.get(it); b >= 0x20 && b < 0x7f ? (char) b : '.' }.join('')
    printf('%02x: %s  |%s|%n', off, row, text)
}
if (args.size() > 1) {
    new File(args[1]).bytes = data.toArray()
    println "saved 256 bytes to ${args[1]}"
}
