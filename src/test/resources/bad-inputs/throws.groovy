throw new IllegalStateException("boom from the script")
