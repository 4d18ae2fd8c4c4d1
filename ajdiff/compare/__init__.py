"""Comparing: align two versions, pair the posts of two orders, diff the words."""
