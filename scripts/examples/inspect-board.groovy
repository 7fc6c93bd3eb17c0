// Inspect a board without changing anything: what it runs, which RPC methods it offers, and
// config values (the ones named on the command line, else the ones the ATECC setup cares about).
//
//   sesh --port /dev/ttyUSB0 run scripts/examples/inspect-board.groovy
//   sesh --port sim: scripts/examples/inspect-board.groovy http.listen_addr
def info = board.info()
println "board:   ${info.id} (${info.app} ${info.fwVersion}, Mongoose OS ${info.mgVersion}, ${info.arch})"
println "memory:  ${info.ramFree} of ${info.ramSize} bytes of RAM free, ${info.fsFree} of ${info.fsSize} bytes of flash"

def methods = board.methods().toSorted()
println "rpc:     ${methods.size()} methods"
methods.groupBy { it.split('\\.')[0] }.each { service, names ->
    println "  ${service.padRight(8)} ${names.collect { it.substring(service.length() + 1) }.join(', ')}"
}

def keys = args ? args as List : ['device.id', 'i2c.enable', 'i2c.sda_gpio', 'i2c.scl_gpio', 'sys.atca.enable', 'http.ssl_key']
println "config:"
keys.each { key ->
    try {
        println "  ${key.padRight(16)} ${board.call('Config.Get', '{"key":"' + key + '"}')}"
    } catch (SeshException e) {
        println "  ${key.padRight(16)} (${e.message})"
    }
}
