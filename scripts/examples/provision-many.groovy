// Provision the ATECC508A/608A of several boards at once, in parallel, with ONE confirm for the
// whole batch: the plan lists every board and every step it still needs, and the zone locks ask
// for the typed phrase naming the board count ("lock config on 16 boards"). Each chip makes its own
// private key in slot 0 (GenKey: the key never leaves the chip); its CSR is saved in OUTDIR as
// <serial>.csr.pem for your CA. Steps already done are skipped, so a rerun after an interruption
// finishes the rest, and a rerun on finished boards asks nothing and changes nothing.
//
//   openssl rand -hex 32 > slot4.key
//   sesh run scripts/examples/provision-many.groovy tcp://127.0.0.1:7000 tcp://127.0.0.1:7001 -- \
//        scripts/examples/configs/atca-aws-test.yaml slot4.key csrs/
//
// Without a terminal the run needs --yes-irreversible.
def argv = args as List
int dashes = argv.indexOf('--')
if (dashes < 1 || argv.size() - dashes - 1 != 3) {
    throw SeshException.badArg('provision-many.groovy takes PORT... -- CONFIG.yaml WRITEKEY OUTDIR',
            'give the boards\' ports, then --, then the config file, the write key file and a folder for the CSRs')
}
def ports = argv[0..<dashes]
def (configFile, writeKeyFile) = inputFiles(argv[dashes + 1], argv[dashes + 2]).collect { it.toString() }
def outDir = argv[dashes + 3]
// Every input is read and checked before anything is sent.
x509.readSecret(writeKeyFile)
def wanted = chipConfig(configFile)
new File(outDir).mkdirs()

// 1. Open every board and find what each still needs (reads only).
def csrOf = { b -> new File(outDir, b.atca.target().serial.hex() + '.csr.pem') }
def hasKey = { b ->
    def csr = csrOf(b)
    try {
        csr.exists() && x509.publicKey(csr.path) == b.atca.publicKey(0)
    } catch (SeshException e) {
        false
    }
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
            def locks = b.atca.locks()
            if (!locks.configLocked) steps += ['config', 'lock config']
            if (!locks.dataLocked) steps << 'lock data'
            if (!hasKey(b)) steps += ['slot 4', 'genkey 0']
            work[i] = [port: port, b: b, steps: steps, crc: b.atca.configCrcAfter(wanted), who: b.atca.target().describe() + ' on ' + port]
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
def batch = boards.plan("provision ${todo.size()} board${todo.size() == 1 ? '' : 's'}: ${new File(configFile).name}, write key in slot 4, GenKey in slot 0",
        todo.collect { it.b.board.portText() })
todo.each { w ->
    batch.note("${w.who}: ${w.steps.join(', ')}")
    w.steps.each { s ->
        switch (s) {
            case 'enable': batch.configKey('sys.atca.enable', 'false', 'true').reboot(); break
            case 'config': batch.configZone(w.who, new File(configFile).name); break
            case 'lock config': batch.lockConfig(w.crc); break
            case 'lock data': batch.lockData(); break
            case 'slot 4': batch.slotWrite(4, 'the write key from ' + new File(writeKeyFile).name); break
            case 'genkey 0': batch.genKey(0); break
        }
    }
}

// 3. Ask once, then provision every board in its own thread; each board's own plans run as part of the batch.
def failures = Collections.synchronizedList([])
def printing = new Object()
boards.batch(batch) {
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
                    say x509.importKey(b.atca, 4, writeKeyFile).message()
                    b.atca.keys.generate(0)
                    csrOf(b).text = x509.csr(b.atca, 0, subject: 'CN=' + b.atca.target().serial.hex())
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
