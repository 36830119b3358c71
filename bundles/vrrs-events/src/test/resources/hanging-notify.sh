#!/bin/sh
# A notify script that never returns.
sleep 600
