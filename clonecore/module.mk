# clonecore/: fragment (filled in by the module)
