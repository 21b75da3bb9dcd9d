#!/bin/bash
source lib.sh
log start
mkdir -p build
cp config.example.json build/config.json
