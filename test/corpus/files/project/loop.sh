echo again
source loop.sh
