bash ping.sh
