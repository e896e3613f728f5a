# scaler/: fragment (filled in by the module)
