# bench/: fragment (filled in by the module)
