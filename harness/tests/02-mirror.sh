#!/bin/bash
# level: quick
# The mirror directories equal, byte for byte, the files the series creates.
exec "$(dirname "$0")/../mirror.sh" check
