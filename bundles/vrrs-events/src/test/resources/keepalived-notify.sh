#!/bin/sh
# A notify script as written for keepalived: it appends the arguments it was called with to a file beside itself.
# keepalived calls notify_master/_backup/_fault with their configured arguments and notify with
# "INSTANCE|GROUP NAME STATE PRIORITY" after them.
echo "$*" >> "$(dirname "$0")/calls.txt"
