bash pong.sh
