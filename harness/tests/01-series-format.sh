#!/bin/bash
# level: quick
# patches/ and series: numbering, headers, subjects, Signed-off-by,
# diffstat, and a real cover letter that names the base.
exec python3 "$(dirname "$0")/01-series-format.py"
