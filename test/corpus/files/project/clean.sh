#!/bin/sh
rm -rf dist coverage .cache node_modules/.cache
