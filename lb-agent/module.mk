# lb-agent/: fragment (filled in by the module)
