bash deep/l4.sh
