# policies/: fragment (filled in by the module)
