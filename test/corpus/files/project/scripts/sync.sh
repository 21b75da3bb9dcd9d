#!/bin/sh
git add -A
git commit -m wip
git push --force origin main
