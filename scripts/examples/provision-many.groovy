// Provision the ATECC508A/608A of several boards at once, in parallel, with ONE confirm for the
// whole batch: the plan lists every board and every step it still needs, and the zone locks ask
// for the typed phrase naming the board count ("lock config on 16 boards"). Each chip makes its own
// private key in slot 0 (GenKey: the key never leaves the chip); its CSR is saved in OUTDIR as
// <serial>.csr.pem for your CA. Steps already done are skipped, so a rerun after an interruption
// finishes the rest, and a rerun on finished boards asks nothing and changes nothing.
//
//   openssl rand -hex 32 > slot4.key
//   sesh run scripts/examples/provision-many.groovy tcp://127.0.0.1:7000 tcp://127.0.0.1:7001 -- atca-aws-test.yaml slot4.key csrs/
//
// Without a terminal the run needs --yes-irreversible.
import dev.sesh.atca.config.ConfigCodec
import dev.sesh.atca.config.ConfigZone
import dev.sesh.plan.Change
import dev.sesh.plan.Plan
import dev.sesh.plan.Target
import dev.sesh.x509.KeyFiles
import dev.sesh.x509.KeyImport

import java.nio.file.Files
import java.nio.file.Path

def argv = args as List
int dashes = argv.indexOf('--')
if (dashes < 1 || argv.size() - dashes - 1 != 3) {
    throw SeshException.badArg('provision-many.groovy takes PORT... -- CONFIG.yaml WRITEKEY OUTDIR',
            'give the boards\' ports, then --, then the config file, the write key file and a folder for the CSRs')
}
def ports = argv[0..<dashes]
def (configFile, writeKeyFile) = inputFiles(argv[dashes + 1], argv[dashes + 2])
def outDir = Path.of(argv[dashes + 3])
// Every input is read and checked before anything is sent.
KeyFiles.readSecret32(writeKeyFile, 'write key')
def wanted = ConfigCodec.forFile(configFile.toString()).decode(Files.readString(configFile), configFile.toString())
Files.createDirectories(outDir)

// 1. Open every board and find what each still needs (reads only).
def csrOf = { b -> outDir.resolve(b.atca.target().serial.hex() + '.csr.pem') }
def hasKey = { b ->
    def csr = csrOf(b)
    try {
        Files.exists(csr) && x509.publicKey(csr.toString()) == b.atca.publicKey(0)
    } catch (SeshException e) {
        false
    }
}
// The CRC each chip's config zone will have once written: its own serial and lock bytes, the wanted rest.
def expectedCrc = { zone ->
    def now = zone.bytes()
    def mine = now.slice(0, 16).concat(wanted.bytes().slice(16, 84)).concat(now.slice(84, 88)).concat(wanted.bytes().slice(88, 128))
    ConfigZone.of(mine).summaryCrc()
}

// Each board is read in its own thread: at 115200 baud reading a chip takes over a second.
def work = new Object[ports.size()]
def readErrors = Collections.synchronizedList([])
ports.withIndex().collect { port, i ->
    Thread.start {
        try {
            def b = boards.open(port)
            def steps = []
            if (b.config.get('sys.atca.enable') != true) steps << 'enable'
            def zone = b.atca.config()
            def locks = zone.lockState()
            if (!locks.configLocked) steps += ['config', 'lock config']
            if (!locks.dataLocked) steps << 'lock data'
            if (!hasKey(b)) steps += ['slot 4', 'genkey 0']
            work[i] = [port: port, b: b, steps: steps, crc: expectedCrc(zone), who: b.atca.target().describe() + ' on ' + port]
        } catch (Exception e) {
            readErrors << e
        }
    }
}*.join()
if (readErrors) throw readErrors[0]
work = work as List
def todo = work.findAll { it.steps }
work.findAll { !it.steps }.each { println "${it.port}: already provisioned" }
if (!todo) {
    println 'nothing to do'
    return
}

// 2. One plan for the batch: one line per board per step.
def batch = Plan.builder("provision ${todo.size()} board${todo.size() == 1 ? '' : 's'}: ${configFile.fileName}, write key in slot 4, GenKey in slot 0",
        Target.board(todo.size() == 1 ? todo[0].port : todo.size() + ' boards', '')).boards(todo.size())
todo.each { w ->
    def who = w.who
    batch.note("${who}: ${w.steps.join(', ')}")
    w.steps.each { s ->
        switch (s) {
            case 'enable':
                batch.change(new Change.ConfigKeyChange('sys.atca.enable', 'false', 'true', false))
                batch.change(new Change.Reboot()); break
            case 'config': batch.change(new Change.ConfigZoneChange(who, 'config zone', 'as read', configFile.fileName.toString())); break
            case 'lock config': batch.change(Change.Lock.config(w.crc)); break
            case 'lock data': batch.change(Change.Lock.data(OptionalInt.empty())); break
            case 'slot 4': batch.change(new Change.SlotWrite(4, 'the write key from ' + writeKeyFile.fileName, Change.WriteMode.CLEAR, -1, false)); break
            case 'genkey 0': batch.change(new Change.KeyGen(0, true)); break
        }
    }
}

// 3. Ask once, then provision every board in its own thread; each board's own plans run as part of the batch.
def failures = Collections.synchronizedList([])
def printing = new Object()
todo[0].b.board.gate().batch(batch.build(), todo.collect { it.b.board.target().port() } as Set) {
    def threads = todo.collect { w ->
        Thread.start {
            def b = w.b
            def say = { String text -> synchronized (printing) { println "${w.port}: $text" } }
            try {
                if ('enable' in w.steps) b.config.set(['sys.atca.enable': true])
                if ('config' in w.steps) say b.atca.setConfig(wanted).message()
                if ('lock config' in w.steps) say b.atca.lockConfig().message()
                if ('lock data' in w.steps) say b.atca.lockData().message()
                if ('slot 4' in w.steps) {
                    say KeyImport.set(b.atca, 4, writeKeyFile, Optional.empty(), Optional.empty()).message()
                    b.atca.keys().genKey(0)
                    Files.writeString(csrOf(b), x509.csr([subject: 'CN=' + b.atca.target().serial.hex()], b.atca, 0))
                    say "slot 0: new key made in the chip; CSR in ${csrOf(b)}"
                }
                say 'provisioned'
            } catch (Exception e) {
                say "failed: ${e.message}"
                failures << w.port
            }
        }
    }
    threads*.join()
    null
}
if (failures) {
    throw SeshException.failed("${failures.size()} of ${todo.size()} boards failed: ${failures.join(', ')}", 'see the lines above; run the script again to finish them')
}
println "provisioned ${todo.size()} board${todo.size() == 1 ? '' : 's'}"
