bash deep/l3.sh
