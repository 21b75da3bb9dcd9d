#!/bin/bash
set -euo pipefail
npm run build
rsync -a dist/ deploy@web1:/srv/app/
echo done
