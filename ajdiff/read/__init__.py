"""Reading: lines → document tree → typed fields (the structure reader and its vocabulary)."""
