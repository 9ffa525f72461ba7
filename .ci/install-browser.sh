#!/usr/bin/env bash
# Installs headless Chromium and its WebDriver (Debian's chromium, chromium-driver) for
# tests/test_browser.py, when either is missing. Idempotent: does nothing when both are there.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "install-browser: chromium and chromedriver already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q chromium chromium-driver

/usr/bin/chromium --version
/usr/bin/chromedriver --version
