atca.read(16)
