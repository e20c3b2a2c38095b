"""The hostile-input battery of `make fuzz` (see `fuzz.battery`)."""
