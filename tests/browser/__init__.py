"""Tests that drive a real Chromium against the built site."""
