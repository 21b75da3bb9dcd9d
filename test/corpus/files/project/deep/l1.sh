bash deep/l2.sh
