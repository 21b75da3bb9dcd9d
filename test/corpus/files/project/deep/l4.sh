bash deep/l5.sh
