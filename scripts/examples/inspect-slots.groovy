// Inspect the ATECC's 16 slots without changing anything: one line per slot (size, key type, who
// may read and write it, lock), then the full policy in words for each slot named on the command line.
//
//   sesh --port /dev/ttyUSB0 run scripts/examples/inspect-slots.groovy
//   sesh --port sim: scripts/examples/inspect-slots.groovy 0 8
def chip = atca.info()
println "${chip.chip} S/N ${chip.serial}: config zone ${chip.configLocked ? 'locked' : 'open'}, " +
        "data zone ${chip.dataLocked ? 'locked' : 'open'} (via ${chip.via})"
def columns = '%-4s %-4s %-11s %-7s %-6s %-34s %-34s %s%n'
def yes = { boolean b -> b ? 'yes' : '-' }
printf(columns, 'slot', 'size', 'key', 'private', 'secret', 'read', 'write', 'lock')
atca.slots.each { s ->
    printf(columns, s.index, s.size, s.kind, yes(s.isPrivate), yes(s.secret), s.read, s.write, s.lock)
}
args.each { word ->
    println ''
    println atca.describeSlot(word as int)
}
