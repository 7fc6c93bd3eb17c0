// Inspect the ATECC's 16 slots without changing anything: one line per slot (size, key type, who
// may read and write it, lock), then the full policy in words for each slot named on the command line.
//
//   sesh --port /dev/ttyUSB0 run scripts/examples/inspect-slots.groovy
//   sesh --port sim: scripts/examples/inspect-slots.groovy 0 8
import dev.sesh.atca.config.SlotDescription

def chip = atca.info()
println "${chip.chip} S/N ${chip.serial}: config zone ${chip.configLocked ? 'locked' : 'open'}, " +
        "data zone ${chip.dataLocked ? 'locked' : 'open'} (via ${chip.via})"
def zone = atca.config()
def columns = '%-4s %-4s %-11s %-7s %-6s %-34s %-34s %s%n'
printf(columns, 'slot', 'size', 'key', 'private', 'secret', 'read', 'write', 'lock')
(0..15).each { n ->
    printf(columns, n, SlotDescription.size(n), SlotDescription.keyKind(zone, n), SlotDescription.privateWord(zone, n),
            SlotDescription.secretWord(zone, n), SlotDescription.read(zone, n), SlotDescription.write(zone, n),
            SlotDescription.lock(zone, n))
}
args.each { word ->
    int n = word as int
    println ''
    println SlotDescription.paragraph(zone, n)
}
