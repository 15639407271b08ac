#!/bin/sh
# Installs what the dashboard's browser tests need: Debian's Chromium, its ChromeDriver,
# and a Chinese font (without one, Chromium draws Chinese text as boxes).
# Idempotent: does nothing when all three are there. Never fails: without root or
# without the package registry it says why and exits 0, and the browser tests are then
# skipped with a visible reason.
set -u

have_font() {
	command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]
}

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && have_font; then
	echo "install-browser: chromium, chromedriver and a Chinese font are present"
	exit 0
fi

if [ "${OVERSIGHT_SKIP_BROWSER_INSTALL:-}" = "true" ]; then
	echo "install-browser: OVERSIGHT_SKIP_BROWSER_INSTALL=true, not installing; browser tests will be skipped"
	exit 0
fi

if [ "$(id -u)" != "0" ]; then
	echo "install-browser: not root, cannot install chromium chromium-driver fonts-wqy-microhei;" \
		"browser tests will be skipped unless they are installed"
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-browser: no apt-get on this machine; browser tests will be skipped"
	exit 0
fi

echo "install-browser: installing chromium chromium-driver fonts-wqy-microhei with apt-get"
export DEBIAN_FRONTEND=noninteractive
if apt-get -o DPkg::Lock::Timeout=300 update -q && apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends chromium chromium-driver fonts-wqy-microhei; then
	echo "install-browser: installed $(chromium --version 2>/dev/null || echo chromium)"
else
	echo "install-browser: installation failed; browser tests will be skipped"
fi
exit 0
