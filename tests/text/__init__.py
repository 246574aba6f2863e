"""Tests of framing.text."""
