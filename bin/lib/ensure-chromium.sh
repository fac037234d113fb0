#!/usr/bin/env bash
# Makes sure Debian's Chromium and chromedriver are installed: the live page's end-to-end test
# (LivePageITCase) drives them headless. Run by the build before the integration tests of jobs
# (mvn verify), so the test command needs no other set-up; installs with apt-get, as root or
# through sudo, and refreshes the package lists only when the first attempt fails.
set -euo pipefail

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    exit 0
fi
command -v apt-get >/dev/null || {
    echo "ensure-chromium: chromium and chromedriver are missing and there is no apt-get to install them;" \
         "install Chromium and a matching chromedriver on the PATH" >&2
    exit 1
}
sudo_cmd=()
if [[ "$(id -u)" != 0 ]]; then sudo_cmd=(sudo); fi
install_browser() {
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
}
echo "ensure-chromium: installing chromium and chromium-driver (the live page's end-to-end test needs them)" >&2
install_browser || { "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update && install_browser; }
