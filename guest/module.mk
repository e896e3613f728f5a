# guest/: fragment (filled in by the module)
