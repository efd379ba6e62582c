"""Shared parts of the guide's build and check scripts."""
