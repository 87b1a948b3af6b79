#!/bin/sh
# System packages the test suite needs beyond Python: Chromium, for the one test that
# opens the audit HTML report in a real headless browser (tests/audit/test_html_browser.py).
# Run as root on Debian/Ubuntu before `pip install -e ".[dev]"`.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium
