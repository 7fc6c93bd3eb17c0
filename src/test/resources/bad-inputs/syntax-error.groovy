def x = {
println "never closed"
