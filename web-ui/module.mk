# web-ui/: fragment (filled in by the module)
