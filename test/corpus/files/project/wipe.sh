#!/bin/sh
# start over
rm -rf ~/projects
