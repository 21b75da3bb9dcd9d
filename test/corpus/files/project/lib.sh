log() { echo "[setup] $*"; }
export APP_ENV=dev
